import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { applyProblemToForm } from '@/api/problem';
import { userService, type TeamSummary } from '@/api/userService';
import { roleLabel } from '@/auth/access';
import { ErrorState } from '@/components/ErrorState';
import { FormTextField } from '@/components/form/FormTextField';
import { LoadingState } from '@/components/LoadingState';
import { teamLeadersQuery } from '@/features/users/queries';
import { teamQuery } from './queries';
import { teamSchema, type TeamForm } from './schemas';

/** Create (team undefined), edit (manage) or just look at a team and its members. */
export function TeamDialog({ team, manage, onClose }: { team?: TeamSummary; manage: boolean; onClose: () => void }) {
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const details = useQuery({ ...teamQuery(team?.id ?? ''), enabled: team !== undefined });
  const leaders = useQuery({ ...teamLeadersQuery, enabled: manage });
  const form = useForm<TeamForm>({
    resolver: zodResolver(teamSchema),
    defaultValues: { name: team?.name ?? '', supervisorId: team?.supervisorId ?? '' },
  });
  const supervisor = useController({ control: form.control, name: 'supervisorId' });
  const save = useMutation({
    mutationFn: (values: TeamForm) => {
      // Left out, supervisorId means "no supervisor".
      const body = { name: values.name, supervisorId: values.supervisorId || undefined };
      return team ? userService.teams.update(team.id, body) : userService.teams.create(body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      onClose();
    } catch (error) {
      setFormError(applyProblemToForm(error, form.setError, ['name', 'supervisorId'], { conflictField: 'name' }));
    }
  });

  const title = !team ? 'New team' : manage ? `Edit ${team.name}` : team.name;
  return (
    <Dialog open onClose={form.formState.isSubmitting ? undefined : onClose} fullWidth maxWidth="sm" fullScreen={fullScreen}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError && <Alert severity="error">{formError}</Alert>}
            {manage && (
              <>
                <FormTextField control={form.control} name="name" label="Team name" autoFocus />
                <TextField
                  select
                  label="Supervisor"
                  name={supervisor.field.name}
                  value={leaders.isSuccess ? supervisor.field.value : ''}
                  onChange={supervisor.field.onChange}
                  inputRef={supervisor.field.ref}
                  disabled={!leaders.isSuccess}
                  error={supervisor.fieldState.invalid || leaders.isError}
                  helperText={
                    supervisor.fieldState.error?.message ??
                    (leaders.isError ? 'Supervisors could not be loaded' : 'A supervisor or admin; they join the team.')
                  }
                >
                  <MenuItem value="">
                    <em>No supervisor</em>
                  </MenuItem>
                  {leaders.data?.map((u) => (
                    <MenuItem key={u.id} value={u.id}>
                      {u.firstName} {u.lastName}
                    </MenuItem>
                  ))}
                </TextField>
              </>
            )}
            {team && (
              <>
                <Typography variant="h3" sx={{ pt: 1 }}>
                  Members
                </Typography>
                {details.isPending ? (
                  <LoadingState rows={3} label="Loading members" />
                ) : details.isError ? (
                  <ErrorState error={details.error} onRetry={() => void details.refetch()} />
                ) : details.data.members.length === 0 ? (
                  <Typography color="text.secondary">
                    No members yet. Put people in this team from the Users page.
                  </Typography>
                ) : (
                  <List dense disablePadding>
                    {details.data.members.map((m) => (
                      <ListItem key={m.id} disableGutters secondaryAction={m.id === details.data.supervisorId ? <Chip size="small" color="primary" label="Supervisor" /> : undefined}>
                        <ListItemText
                          primary={`${m.firstName} ${m.lastName}${m.active ? '' : ' (deactivated)'}`}
                          secondary={`${m.email} · ${m.roles.map(roleLabel).join(', ')}`}
                        />
                      </ListItem>
                    ))}
                  </List>
                )}
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={form.formState.isSubmitting}>
            {manage ? 'Cancel' : 'Close'}
          </Button>
          {manage && (
            <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
              {team ? 'Save changes' : 'Create team'}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
