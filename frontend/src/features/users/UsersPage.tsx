import Add from '@mui/icons-material/Add';
import MoreVert from '@mui/icons-material/MoreVert';
import Search from '@mui/icons-material/Search';
import {
  Box,
  Button,
  Chip,
  IconButton,
  InputAdornment,
  LinearProgress,
  Menu,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { userService, type Role, type User, type UserQuery } from '@/api/userService';
import { canManage, roleLabel } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { useDebouncedValue } from '@/components/useDebouncedValue';
import { teamsQuery } from '@/features/teams/queries';
import { USERS_PAGE_SIZE, usersQuery } from './queries';
import { CreateUserDialog, EditUserDialog } from './UserDialogs';

type ActiveFilter = 'all' | 'active' | 'inactive';
type PendingAction = { kind: 'deactivate' | 'reactivate' | 'delete'; user: User };

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;
// Shows "All roles" / "All teams" for the empty choice instead of an empty box.
const emptySelect = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

export function UsersPage() {
  const { user: me } = useAuth();
  const manage = canManage('users', me?.roles);
  const queryClient = useQueryClient();

  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [teamId, setTeamId] = useState('');
  const [active, setActive] = useState<ActiveFilter>('active');
  // Keyset paging: the cursor of every page seen so far, so that "Previous" can go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const q = useDebouncedValue(search.trim());

  const query: UserQuery = {
    q: q || undefined,
    role: role || undefined,
    teamId: teamId || undefined,
    active: active === 'all' ? undefined : active === 'active',
    limit: USERS_PAGE_SIZE,
    cursor: cursors[cursors.length - 1],
  };
  const users = useQuery(usersQuery(query));
  const teams = useQuery(teamsQuery);
  const teamNames = useMemo(() => new Map((teams.data ?? []).map((t) => [t.id, t.name])), [teams.data]);

  const resetPaging = () => setCursors([undefined]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; user: User } | null>(null);

  const act = useMutation({
    mutationFn: async ({ kind, user }: PendingAction): Promise<void> => {
      if (kind === 'deactivate') await userService.users.deactivate(user.id);
      else if (kind === 'reactivate') await userService.users.reactivate(user.id);
      else await userService.users.remove(user.id);
    },
    onSuccess: () => {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    },
  });

  const filtered = Boolean(q || role || teamId || active !== 'active');
  const page = users.data;

  return (
    <>
      <PageHeader
        title="Users"
        subtitle={manage ? 'Everyone in your company, their roles and teams.' : 'The people in your team.'}
        actions={
          manage && (
            <Button variant="contained" startIcon={<Add />} onClick={() => setCreating(true)}>
              Add user
            </Button>
          )
        }
      />

      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        <TextField
          label="Search"
          placeholder="Name or email"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            resetPaging();
          }}
          sx={{ flex: 2, minWidth: 200 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
        />
        <TextField select label="Role" value={role} slotProps={emptySelect} onChange={(e) => { setRole(e.target.value as Role | ''); resetPaging(); }} sx={{ flex: 1, minWidth: 140 }}>
          <MenuItem value="">All roles</MenuItem>
          {(['ADMIN', 'SUPERVISOR', 'AGENT'] as const).map((r) => (
            <MenuItem key={r} value={r}>{roleLabel(r)}</MenuItem>
          ))}
        </TextField>
        <TextField select label="Team" value={teams.isSuccess ? teamId : ''} slotProps={emptySelect} onChange={(e) => { setTeamId(e.target.value); resetPaging(); }} sx={{ flex: 1, minWidth: 140 }} disabled={!teams.isSuccess}>
          <MenuItem value="">All teams</MenuItem>
          {teams.data?.map((t) => (
            <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>
          ))}
        </TextField>
        <TextField select label="Status" value={active} onChange={(e) => { setActive(e.target.value as ActiveFilter); resetPaging(); }} sx={{ flex: 1, minWidth: 140 }}>
          <MenuItem value="active">Active</MenuItem>
          <MenuItem value="inactive">Deactivated</MenuItem>
          <MenuItem value="all">All</MenuItem>
        </TextField>
      </Stack>

      {users.isPending ? (
        <LoadingState label="Loading users" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} title="Users could not be loaded" />
      ) : page && page.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No users match' : 'No users yet'}
          action={
            filtered ? (
              <Button onClick={() => { setSearch(''); setRole(''); setTeamId(''); setActive('active'); resetPaging(); }}>Clear filters</Button>
            ) : manage ? (
              <Button variant="contained" onClick={() => setCreating(true)}>Add the first user</Button>
            ) : undefined
          }
        >
          {filtered ? 'Try a different search or fewer filters.' : 'Add the people who work in your company.'}
        </EmptyState>
      ) : (
        <Paper variant="outlined">
          {users.isFetching && <LinearProgress sx={{ height: 2 }} />}
          <TableContainer>
            <Table size="small" aria-label="Users">
              <TableHead>
                <TableRow>
                  <TableCell>Name</TableCell>
                  <TableCell>Roles</TableCell>
                  <TableCell sx={hideOnPhone}>Team</TableCell>
                  <TableCell sx={hideOnPhone}>Status</TableCell>
                  {manage && <TableCell align="right"><Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>Actions</Box></TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {page?.items.map((u) => (
                  <TableRow key={u.id} hover data-testid="user-row">
                    <TableCell sx={{ maxWidth: { xs: 150, sm: 280 }, pr: { xs: 1, sm: 2 } }}>
                      <Typography sx={{ fontWeight: 600, fontSize: 14 }} noWrap>{u.firstName} {u.lastName}</Typography>
                      <Typography variant="body2" color="text.secondary" noWrap>{u.email}</Typography>
                    </TableCell>
                    <TableCell sx={{ px: { xs: 1, sm: 2 } }}>
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        {u.roles.map((r) => <Chip key={r} size="small" label={roleLabel(r)} variant="outlined" />)}
                      </Stack>
                    </TableCell>
                    <TableCell sx={hideOnPhone}>{u.teamId ? (teamNames.get(u.teamId) ?? '—') : '—'}</TableCell>
                    <TableCell sx={hideOnPhone}>
                      <Chip size="small" label={u.active ? 'Active' : 'Deactivated'} color={u.active ? 'success' : 'default'} variant={u.active ? 'filled' : 'outlined'} />
                    </TableCell>
                    {manage && (
                      <TableCell align="right" padding="checkbox">
                        <IconButton aria-label={`Actions for ${u.firstName} ${u.lastName}`} onClick={(e) => setMenu({ anchor: e.currentTarget, user: u })}>
                          <MoreVert />
                        </IconButton>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 1, p: 1.5, borderTop: 1, borderColor: 'divider' }}>
            <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto' }}>Page {cursors.length}</Typography>
            <Button size="small" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</Button>
            <Button size="small" disabled={!page?.nextCursor} onClick={() => setCursors((c) => [...c, page?.nextCursor ?? undefined])}>Next</Button>
          </Box>
        </Paper>
      )}

      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => { setEditing(menu!.user); setMenu(null); }}>Edit profile, roles and team</MenuItem>
        {menu?.user.active ? (
          <MenuItem disabled={menu.user.id === me?.id} onClick={() => { setPending({ kind: 'deactivate', user: menu.user }); setMenu(null); }}>Deactivate</MenuItem>
        ) : (
          <MenuItem onClick={() => { setPending({ kind: 'reactivate', user: menu!.user }); setMenu(null); }}>Reactivate</MenuItem>
        )}
        <MenuItem disabled={menu?.user.id === me?.id} sx={{ color: 'error.main' }} onClick={() => { setPending({ kind: 'delete', user: menu!.user }); setMenu(null); }}>Delete</MenuItem>
      </Menu>

      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      {editing && <EditUserDialog user={editing} onClose={() => setEditing(null)} />}
      {pending && (
        <ConfirmDialog
          open
          title={pending.kind === 'deactivate' ? 'Deactivate user?' : pending.kind === 'reactivate' ? 'Reactivate user?' : 'Delete user?'}
          confirmLabel={pending.kind === 'deactivate' ? 'Deactivate' : pending.kind === 'reactivate' ? 'Reactivate' : 'Delete'}
          destructive={pending.kind !== 'reactivate'}
          pending={act.isPending}
          error={act.error}
          onConfirm={() => act.mutate(pending)}
          onClose={() => { setPending(null); act.reset(); }}
        >
          {pending.kind === 'deactivate' && `${pending.user.firstName} ${pending.user.lastName} will be signed out and can no longer sign in. You can reactivate them later.`}
          {pending.kind === 'reactivate' && `${pending.user.firstName} ${pending.user.lastName} will be able to sign in again.`}
          {pending.kind === 'delete' && `${pending.user.firstName} ${pending.user.lastName} will be removed for good. Deactivate instead if you may need them again.`}
        </ConfirmDialog>
      )}
    </>
  );
}
