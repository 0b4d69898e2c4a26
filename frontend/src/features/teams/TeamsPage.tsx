import Add from '@mui/icons-material/Add';
import { Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { userService, type TeamSummary } from '@/api/userService';
import { canManage } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { usersQuery } from '@/features/users/queries';
import { teamsQuery } from './queries';
import { TeamDialog } from './TeamDialog';

export function TeamsPage() {
  const { user } = useAuth();
  const manage = canManage('teams', user?.roles);
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery);
  // Supervisors' names for the list; one page of them covers any real tenant.
  const supervisors = useQuery(usersQuery({ limit: 100 }));
  const names = useMemo(
    () => new Map((supervisors.data?.items ?? []).map((u) => [u.id, `${u.firstName} ${u.lastName}`])),
    [supervisors.data],
  );
  const [open, setOpen] = useState<{ team?: TeamSummary } | null>(null);
  const [deleting, setDeleting] = useState<TeamSummary | null>(null);
  const remove = useMutation({
    mutationFn: (team: TeamSummary) => userService.teams.remove(team.id),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  return (
    <>
      <PageHeader
        title="Teams"
        subtitle={manage ? 'Group agents under a supervisor.' : 'Your team and who is in it.'}
        actions={manage && <Button variant="contained" startIcon={<Add />} onClick={() => setOpen({})}>New team</Button>}
      />
      {teams.isPending ? (
        <LoadingState label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} title="Teams could not be loaded" />
      ) : teams.data.length === 0 ? (
        <EmptyState
          title="No teams yet"
          action={manage && <Button variant="contained" onClick={() => setOpen({})}>Create the first team</Button>}
        >
          {manage ? 'Teams let supervisors see and coach their agents.' : "You're not in a team yet."}
        </EmptyState>
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Teams">
              <TableHead>
                <TableRow>
                  <TableCell>Team</TableCell>
                  <TableCell>Supervisor</TableCell>
                  <TableCell align="right">Members</TableCell>
                  <TableCell align="right" />
                </TableRow>
              </TableHead>
              <TableBody>
                {teams.data.map((team) => (
                  <TableRow key={team.id} hover data-testid="team-row">
                    <TableCell><Typography sx={{ fontWeight: 600, fontSize: 14 }}>{team.name}</Typography></TableCell>
                    <TableCell>{team.supervisorId ? (names.get(team.supervisorId) ?? '—') : '—'}</TableCell>
                    <TableCell align="right">{team.memberCount}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setOpen({ team })}>{manage ? 'Edit' : 'View'}</Button>
                      {manage && <Button size="small" color="error" onClick={() => setDeleting(team)}>Delete</Button>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      )}
      {open && <TeamDialog team={open.team} manage={manage} onClose={() => setOpen(null)} />}
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete team"
          destructive
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => { setDeleting(null); remove.reset(); }}
        >
          Its {deleting.memberCount} member{deleting.memberCount === 1 ? '' : 's'} will be left without a team. Their accounts are not affected.
        </ConfirmDialog>
      )}
    </>
  );
}
