import ArrowBack from '@mui/icons-material/ArrowBack';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  Link as MuiLink,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { leadService, type JsonValue, type Lead } from '@/api/leadService';
import { ApiError, describeError } from '@/api/problem';
import type { CustomField } from '@/api/userService';
import { canManage } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { customFieldsQuery } from '@/features/settings/queries';
import { describeHistory } from './history';
import { consentMethodLabel, creditBandLabel, formatDate, formatDateTime, leadName, loanPurposeLabel, money } from './labels';
import { AssignDialog, ConsentDialog, DoNotContactDialog } from './LeadDialogs';
import { StatusChip } from './LeadsPage';
import { historyQuery, LEADS_KEY, leadQuery, stagesQuery, usePeopleNames } from './queries';

function Card({ title, action, children, label }: { title: string; action?: ReactNode; children: ReactNode; label?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 } }} component="section" aria-label={label ?? title}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5, gap: 1 }}>
        <Typography variant="h3" sx={{ flex: 1 }}>{title}</Typography>
        {action}
      </Box>
      {children}
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography component="div" sx={{ wordBreak: 'break-word' }}>{children ?? '—'}</Typography>
    </Box>
  );
}

const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' } } as const;

/** A custom field's value as its type reads. */
export function customFieldText(field: CustomField, value: JsonValue | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.type === 'BOOLEAN') return value === true ? 'Yes' : 'No';
  if (field.type === 'DATE' && typeof value === 'string') return formatDate(`${value}T12:00:00`);
  if (field.type === 'NUMBER') return Number(value).toLocaleString();
  return String(value);
}

function History({ lead, customFields }: { lead: Lead; customFields: CustomField[] }) {
  const history = useInfiniteQuery(historyQuery(lead.id));
  const name = usePeopleNames();
  const labels = new Map(customFields.map((f) => [f.key, f.label]));
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title="History">
      {history.isPending ? (
        <LoadingState label="Loading history" rows={3} />
      ) : history.isError && entries.length === 0 ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} title="History could not be loaded" />
      ) : entries.length === 0 ? (
        <Typography color="text.secondary">Nothing has happened to this lead yet.</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label="History">
          {entries.map((entry) => {
            const text = describeHistory(entry, { name, customFieldLabel: (k) => labels.get(k) ?? k });
            return (
              <Box component="li" key={entry.id} data-testid="history-entry" sx={{ display: 'flex', gap: 1.5, pb: 2, position: 'relative' }}>
                <Box aria-hidden sx={{ mt: 0.75, width: 10, height: 10, borderRadius: '50%', bgcolor: entry.action === 'STATUS_CHANGED' ? 'primary.main' : 'divider', flexShrink: 0 }} />
                <Box sx={{ minWidth: 0 }}>
                  <Typography sx={{ fontWeight: 600, fontSize: 14 }}>{text.title}</Typography>
                  {text.detail && <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>{text.detail}</Typography>}
                  <Typography variant="body2" color="text.secondary">{formatDateTime(entry.occurredAt)}</Typography>
                </Box>
              </Box>
            );
          })}
        </Box>
      )}
      {history.isError && entries.length > 0 && <Alert severity="error">{describeError(history.error)}</Alert>}
      {history.hasNextPage && (
        <Button size="small" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {history.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </Button>
      )}
    </Card>
  );
}

function StageSelect({ lead }: { lead: Lead }) {
  const queryClient = useQueryClient();
  const stages = useQuery(stagesQuery);
  const move = useMutation({
    mutationFn: (stageId: string) => leadService.changeStatus(lead.id, stageId),
    onSuccess: (updated) => {
      queryClient.setQueryData(leadQuery(lead.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
  return (
    <Box>
      <TextField
        select
        size="small"
        label="Stage"
        value={stages.isSuccess ? lead.statusId : ''}
        onChange={(e) => move.mutate(e.target.value)}
        disabled={!stages.isSuccess || move.isPending}
        sx={{ minWidth: 180 }}
      >
        {!stages.data?.length && <MenuItem disabled value="">Loading…</MenuItem>}
        {stages.data?.map((s) => <MenuItem key={s.id} value={s.id}>{s.name}</MenuItem>)}
      </TextField>
      {move.isError && <Typography color="error" variant="body2" role="alert">{describeError(move.error)}</Typography>}
    </Box>
  );
}

/** How many possible duplicates a lead's screen looks up and shows (a shared office number can match hundreds). */
const DUPLICATES_SHOWN = 10;

/**
 * The other leads with this lead's email or phone number that the user can open. A supervisor or
 * an admin merges one into this lead: this lead keeps its values and takes the duplicate's history.
 */
function Duplicates({ lead, manager }: { lead: Lead; manager: boolean }) {
  const queryClient = useQueryClient();
  const [merging, setMerging] = useState<Lead | null>(null);
  const email = lead.email ?? undefined;
  const phone = lead.phoneE164 ?? lead.phone ?? undefined;
  const duplicates = useQuery({
    queryKey: [...leadQuery(lead.id).queryKey, 'duplicates', email, phone],
    enabled: !lead.deletedAt && Boolean(email || phone),
    queryFn: async () => {
      const matches = (await leadService.duplicatesOf({ email, phone })).filter((m) => m.leadId !== lead.id);
      const found = await Promise.all(
        matches.slice(0, DUPLICATES_SHOWN).map(async (m) => {
          try {
            return { lead: await leadService.get(m.leadId), matchedOn: m.matchedOn };
          } catch (error) {
            // A lead this user may not open (an agent sees their own) is not offered.
            if (error instanceof ApiError && error.status === 404) return null;
            throw error;
          }
        }),
      );
      return { shown: found.filter((f) => f !== null), more: Math.max(0, matches.length - DUPLICATES_SHOWN) };
    },
  });
  const merge = useMutation({
    mutationFn: (duplicate: Lead) => leadService.merge(lead.id, duplicate.id),
    onSuccess: (survivor) => {
      queryClient.setQueryData(leadQuery(lead.id).queryKey, survivor);
      setMerging(null);
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
  const items = duplicates.data?.shown ?? [];
  const more = duplicates.data?.more ?? 0;
  if (items.length === 0 && more === 0) return null;
  return (
    <Card title="Possible duplicates">
      <Stack spacing={1.5}>
        {items.map(({ lead: other, matchedOn }) => (
          <Box key={other.id} data-testid="duplicate" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
            <Box sx={{ flex: 1, minWidth: 200 }}>
              <MuiLink component={Link} to={`/leads/${other.id}`} sx={{ fontWeight: 600 }}>{leadName(other)}</MuiLink>
              <Typography variant="body2" color="text.secondary">
                Same {matchedOn.map((m) => (m === 'EMAIL' ? 'email' : 'phone number')).join(' and ')}
                {' · '}{other.assigneeName ?? 'Unassigned'}{' · '}created {formatDate(other.createdAt)}
              </Typography>
            </Box>
            {manager && <Button size="small" onClick={() => setMerging(other)}>Merge into this lead</Button>}
          </Box>
        ))}
        {more > 0 && (
          <Typography variant="body2" color="text.secondary">
            {more === 1 ? 'One more lead shares' : `${more} more leads share`} this email or phone number.
          </Typography>
        )}
      </Stack>
      {merging && (
        <ConfirmDialog
          open
          title={`Merge ${leadName(merging)} into ${leadName(lead)}?`}
          confirmLabel="Merge"
          pending={merge.isPending}
          error={merge.error}
          onConfirm={() => merge.mutate(merging)}
          onClose={() => { setMerging(null); merge.reset(); }}
        >
          {leadName(lead)} keeps its values and takes from {leadName(merging)} the ones it lacks, its tags,
          custom fields, notes and history. {leadName(merging)} is then deleted and cannot be restored.
        </ConfirmDialog>
      )}
    </Card>
  );
}

function LeadDetail({ lead, customFields }: { lead: Lead; customFields: CustomField[] }) {
  const { user } = useAuth();
  const manager = canManage('leads', user?.roles);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'assign' | 'dnc' | 'consent' | 'delete' | null>(null);
  const admin = user?.roles.includes('ADMIN') ?? false;
  const restore = useMutation({
    mutationFn: () => leadService.restore(lead.id),
    onSuccess: (restored) => {
      queryClient.setQueryData(leadQuery(lead.id).queryKey, restored);
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
  const remove = useMutation({
    mutationFn: () => leadService.remove(lead.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      navigate('/leads', { replace: true });
    },
  });
  const fields = [...customFields].sort((a, b) => a.position - b.position);
  const orphanKeys = Object.keys(lead.customFields).filter((k) => !customFields.some((f) => f.key === k));
  const canChangeDnc = !lead.doNotContact || manager;

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2, mb: 3 }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Button component={Link} to="/leads" size="small" startIcon={<ArrowBack />} sx={{ mb: 1, ml: -1 }}>Leads</Button>
          <Typography variant="h1">{leadName(lead)}</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
            <StatusChip lead={lead} />
            {lead.doNotContact && <Chip size="small" color="error" icon={<BlockOutlined />} label="Do not contact" />}
            {lead.needsReassignment && <Chip size="small" color="warning" label="Assignee left" />}
            {lead.deletedAt && <Chip size="small" label={`Deleted ${formatDate(lead.deletedAt)}`} />}
          </Stack>
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          {lead.deletedAt && admin && !lead.mergedIntoId && (
            <Button variant="contained" onClick={() => restore.mutate()} disabled={restore.isPending}>Restore</Button>
          )}
          {!lead.deletedAt && <StageSelect lead={lead} />}
          {!lead.deletedAt && <Button variant="contained" startIcon={<EditOutlined />} component={Link} to={`/leads/${lead.id}/edit`}>Edit</Button>}
          {manager && !lead.deletedAt && <Button color="error" onClick={() => setDialog('delete')}>Delete</Button>}
        </Stack>
      </Box>

      {/* On a phone: details, then assignment and compliance, then history; side by side from md. */}
      {restore.isError && <Alert severity="error" sx={{ mb: 2 }}>{describeError(restore.error)}</Alert>}
      {lead.deletedAt && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          This lead was deleted on {formatDateTime(lead.deletedAt)}.{lead.mergedIntoId ? ' It was merged into another lead and cannot be restored.' : admin ? ' Restore it to work on it again.' : ''}
        </Alert>
      )}
      {/* The side column spans both rows: its extra height goes to the history's row, so the
          history starts right under the details instead of after a gap. */}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' }, gridTemplateRows: { md: 'auto 1fr' }, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0, gridColumn: { md: 1 }, gridRow: { md: 1 } }}>
          <Card title="Details">
            <Box sx={grid}>
              <Field label="Email">{lead.email ? <MuiLink href={`mailto:${lead.email}`}>{lead.email}</MuiLink> : null}</Field>
              <Field label="Phone">{lead.phone ? <MuiLink href={`tel:${lead.phoneE164 ?? lead.phone}`}>{lead.phone}</MuiLink> : null}</Field>
              <Field label="Source">{lead.source}</Field>
              <Field label="Loan purpose">{loanPurposeLabel(lead.loanPurpose)}</Field>
              <Field label="Loan amount">{money(lead.loanAmount)}</Field>
              <Field label="Property state">{lead.propertyState}</Field>
              <Field label="Credit band">{creditBandLabel(lead.creditBand)}</Field>
              <Field label="Tags">
                {lead.tags.length ? (
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>{lead.tags.map((t) => <Chip key={t} size="small" label={t} />)}</Stack>
                ) : null}
              </Field>
            </Box>
            {lead.notes && (
              <Box sx={{ mt: 2 }}>
                <Field label="Notes"><Box component="span" sx={{ whiteSpace: 'pre-wrap' }}>{lead.notes}</Box></Field>
              </Box>
            )}
          </Card>
          {(fields.length > 0 || orphanKeys.length > 0) && (
            <Card title="More details">
              <Box sx={grid}>
                {fields.map((f) => <Field key={f.id} label={f.label}>{customFieldText(f, lead.customFields[f.key])}</Field>)}
                {orphanKeys.map((k) => <Field key={k} label={`${k} (field removed)`}>{String(lead.customFields[k])}</Field>)}
              </Box>
            </Card>
          )}
          <Duplicates lead={lead} manager={manager} />
        </Stack>

        <Stack spacing={2} sx={{ minWidth: 0, gridColumn: { md: 2 }, gridRow: { md: '1 / span 2' } }}>
          <Card title="Assignment" action={manager ? <Button size="small" onClick={() => setDialog('assign')}>{lead.assigneeId ? 'Reassign' : 'Assign'}</Button> : undefined}>
            <Typography sx={{ fontWeight: 600 }} data-testid="assignee">{lead.assigneeName ?? 'Unassigned'}</Typography>
            {lead.assignedAt && <Typography variant="body2" color="text.secondary">Since {formatDateTime(lead.assignedAt)}</Typography>}
            {lead.needsReassignment && (
              <Alert severity="warning" sx={{ mt: 1 }}>The assignee was deactivated or removed; reassign this lead.</Alert>
            )}
          </Card>
          <Card
            title="Do not contact"
            action={canChangeDnc ? <Button size="small" color={lead.doNotContact ? 'primary' : 'error'} onClick={() => setDialog('dnc')}>{lead.doNotContact ? 'Clear' : 'Mark'}</Button> : undefined}
          >
            {lead.doNotContact ? (
              <>
                <Typography sx={{ fontWeight: 600, color: 'error.main' }}>Do not contact</Typography>
                {lead.doNotContactReason && <Typography variant="body2">{lead.doNotContactReason}</Typography>}
                <Typography variant="body2" color="text.secondary">Since {formatDateTime(lead.doNotContactAt)}</Typography>
                {!manager && <Typography variant="body2" color="text.secondary">Only a supervisor or an admin can clear it.</Typography>}
              </>
            ) : (
              <Typography color="text.secondary">This lead may be contacted.</Typography>
            )}
          </Card>
          <Card title="TCPA consent" action={<Button size="small" onClick={() => setDialog('consent')}>{lead.consent ? 'Change' : 'Record'}</Button>}>
            {lead.consent ? (
              <>
                <Typography sx={{ fontWeight: 600 }}>{consentMethodLabel(lead.consent.method)}, {formatDateTime(lead.consent.givenAt)}</Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>“{lead.consent.text}”</Typography>
              </>
            ) : (
              <Typography color="text.secondary">No consent on record.</Typography>
            )}
          </Card>
          <Card title="Record">
            <Stack spacing={1}>
              <Field label="Created">{formatDateTime(lead.createdAt)}</Field>
              <Field label="Last changed">{formatDateTime(lead.updatedAt)}</Field>
            </Stack>
          </Card>
        </Stack>
        <Box sx={{ minWidth: 0, gridColumn: { md: 1 }, gridRow: { md: 2 } }}>
          <History lead={lead} customFields={customFields} />
        </Box>
      </Box>

      {dialog === 'assign' && <AssignDialog lead={lead} onClose={() => setDialog(null)} />}
      {dialog === 'dnc' && <DoNotContactDialog lead={lead} onClose={() => setDialog(null)} />}
      {dialog === 'consent' && <ConsentDialog lead={lead} customFields={customFields} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <ConfirmDialog
          open
          title={`Delete ${leadName(lead)}?`}
          confirmLabel="Delete lead"
          destructive
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate()}
          onClose={() => { setDialog(null); remove.reset(); }}
        >
          The lead disappears from lists and the pipeline. An admin can restore it for 30 days.
        </ConfirmDialog>
      )}
    </>
  );
}

export function LeadDetailPage() {
  const { id = '' } = useParams();
  const lead = useQuery(leadQuery(id));
  const fields = useQuery(customFieldsQuery('LEAD'));
  if (lead.isPending) return <LoadingState label="Loading the lead" rows={8} />;
  if (lead.isError) {
    return (lead.error as { status?: number }).status === 404 ? (
      <EmptyState title="Lead not found" action={<Button component={Link} to="/leads">Back to leads</Button>}>
        It may have been deleted, or it is not one of the leads you can see.
      </EmptyState>
    ) : (
      <ErrorState error={lead.error} onRetry={() => void lead.refetch()} title="The lead could not be loaded" />
    );
  }
  return (
    <>
      {lead.isFetching && <LinearProgress sx={{ height: 2, mb: 1 }} />}
      {fields.isError && <Alert severity="warning" sx={{ mb: 2 }}>Your company’s custom fields could not be loaded; their values are not shown.</Alert>}
      <LeadDetail lead={lead.data} customFields={fields.data ?? []} />
    </>
  );
}
