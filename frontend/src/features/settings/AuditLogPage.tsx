import { Box, Button, LinearProgress, MenuItem, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { usersQuery } from '@/features/users/queries';
import { actionLabel, actorLabel, AUDIT_ACTIONS, summariseDetails, type AuditAction } from './audit';
import { auditQuery, tenantSettingsQuery } from './queries';

const PAGE_SIZE = 50;
const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;

export function AuditLogPage() {
  const [action, setAction] = useState<AuditAction | ''>('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const entries = useQuery({
    ...auditQuery({ action: action || undefined, limit: PAGE_SIZE, cursor: cursors[cursors.length - 1] }),
    placeholderData: (previous) => previous,
  });
  const settings = useQuery(tenantSettingsQuery);
  // Some entries name their actor by id only (sign-outs): one page of the tenant's users resolves them.
  const users = useQuery(usersQuery({ limit: 200 }));
  const emails = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.email])), [users.data]);
  // Times read in the company's time zone, as the rest of the company sees them.
  const format = new Intl.DateTimeFormat(settings.data?.locale ?? undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: settings.data?.timeZone,
  });

  return (
    <>
      <PageHeader title="Audit log" subtitle="Who changed what, and when." />
      <TextField select label="Action" value={action} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} onChange={(e) => { setAction(e.target.value as AuditAction | ''); setCursors([undefined]); }} sx={{ mb: 2, maxWidth: { sm: 320 } }}>
        <MenuItem value="">All actions</MenuItem>
        {AUDIT_ACTIONS.map((a) => <MenuItem key={a} value={a}>{actionLabel(a)}</MenuItem>)}
      </TextField>
      {entries.isPending ? (
        <LoadingState rows={8} label="Loading audit log" />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} title="The audit log could not be loaded" />
      ) : entries.data.items.length === 0 ? (
        <EmptyState title="Nothing recorded">{action ? 'No entries for this action yet.' : 'Changes to users, teams and settings will be listed here.'}</EmptyState>
      ) : (
        <Paper variant="outlined">
          {entries.isFetching && <LinearProgress sx={{ height: 2 }} />}
          <TableContainer>
            <Table size="small" aria-label="Audit log">
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Action</TableCell>
                  <TableCell>By</TableCell>
                  <TableCell sx={hideOnPhone}>Details</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.data.items.map((entry) => (
                  <TableRow key={entry.id} hover>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.format(new Date(entry.occurredAt))}</TableCell>
                    <TableCell>{actionLabel(entry.action)}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{actorLabel(entry, emails)}</TableCell>
                    <TableCell sx={{ ...hideOnPhone, maxWidth: 420 }}>
                      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                        {summariseDetails(entry.details)}
                      </Typography>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 1, p: 1.5, borderTop: 1, borderColor: 'divider' }}>
            <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }}>Page {cursors.length}</Typography>
            <Button size="small" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>Newer</Button>
            <Button size="small" disabled={!entries.data.nextCursor} onClick={() => setCursors((c) => [...c, entries.data?.nextCursor ?? undefined])}>Older</Button>
          </Box>
        </Paper>
      )}
    </>
  );
}
