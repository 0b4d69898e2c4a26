import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, useMediaQuery, useTheme } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyProblemToForm } from '@/api/problem';
import { userService, type GrantableRole, type User } from '@/api/userService';
import { FormTextField } from '@/components/form/FormTextField';
import { PASSWORD_MIN_LENGTH } from '@/features/auth/passwordRules';
import { TeamSelect } from '@/features/teams/TeamSelect';
import { RoleCheckboxes } from './RoleCheckboxes';
import { createUserSchema, editUserSchema, GRANTABLE_ROLES, teamIdToApi, type CreateUserForm, type EditUserForm } from './schemas';

function useFullScreenOnPhone() {
  const theme = useTheme();
  return useMediaQuery(theme.breakpoints.down('sm'));
}

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const fullScreen = useFullScreenOnPhone();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateUserForm>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { firstName: '', lastName: '', email: '', password: '', roles: ['AGENT'], teamId: '' },
  });
  const create = useMutation({
    mutationFn: (values: CreateUserForm) =>
      userService.users.create({ ...values, teamId: teamIdToApi(values.teamId) ?? undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await create.mutateAsync(values);
      close();
    } catch (error) {
      setFormError(applyProblemToForm(error, form.setError, ['firstName', 'lastName', 'email', 'password', 'roles', 'teamId'], { conflictField: 'email' }));
    }
  });

  return (
    <Dialog open={open} onClose={form.formState.isSubmitting ? undefined : close} fullWidth maxWidth="sm" fullScreen={fullScreen}>
      <form onSubmit={onSubmit} noValidate aria-label="Add user">
        <DialogTitle>Add user</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError && <Alert severity="error">{formError}</Alert>}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormTextField control={form.control} name="firstName" label="First name" autoFocus />
              <FormTextField control={form.control} name="lastName" label="Last name" />
            </Stack>
            <FormTextField control={form.control} name="email" label="Email" type="email" />
            <FormTextField
              control={form.control}
              name="password"
              label="Initial password"
              type="password"
              autoComplete="new-password"
              helperText={`At least ${PASSWORD_MIN_LENGTH} characters, with a letter and a digit. Share it with them securely.`}
            />
            <RoleCheckboxes control={form.control} name="roles" />
            <TeamSelect control={form.control} name="teamId" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
            Add user
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

/** Profile, roles and team of one user. Only what changed is sent, each to its own endpoint. */
export function EditUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const queryClient = useQueryClient();
  const fullScreen = useFullScreenOnPhone();
  const [formError, setFormError] = useState<string | null>(null);
  const currentRoles = user.roles.filter((r): r is GrantableRole => (GRANTABLE_ROLES as readonly string[]).includes(r));
  const form = useForm<EditUserForm>({
    resolver: zodResolver(editUserSchema),
    defaultValues: {
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      roles: currentRoles,
      teamId: user.teamId ?? '',
    },
  });
  const save = useMutation({
    mutationFn: async (values: EditUserForm) => {
      const { dirtyFields } = form.formState;
      if (dirtyFields.firstName || dirtyFields.lastName || dirtyFields.email) {
        await userService.users.update(user.id, { firstName: values.firstName, lastName: values.lastName, email: values.email });
      }
      if (!sameRoles(values.roles, currentRoles)) {
        await userService.users.changeRoles(user.id, values.roles);
      }
      if (teamIdToApi(values.teamId) !== (user.teamId ?? null)) {
        await userService.users.moveToTeam(user.id, teamIdToApi(values.teamId));
      }
    },
    // Whatever part went through is shown, even when a later part failed.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      onClose();
    } catch (error) {
      setFormError(applyProblemToForm(error, form.setError, ['firstName', 'lastName', 'email', 'roles', 'teamId'], { conflictField: 'email' }));
    }
  });

  return (
    <Dialog open onClose={form.formState.isSubmitting ? undefined : onClose} fullWidth maxWidth="sm" fullScreen={fullScreen}>
      <form onSubmit={onSubmit} noValidate aria-label="Edit user">
        <DialogTitle>Edit {user.firstName} {user.lastName}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError && <Alert severity="error">{formError}</Alert>}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormTextField control={form.control} name="firstName" label="First name" />
              <FormTextField control={form.control} name="lastName" label="Last name" />
            </Stack>
            <FormTextField control={form.control} name="email" label="Email" type="email" />
            <RoleCheckboxes control={form.control} name="roles" />
            <TeamSelect control={form.control} name="teamId" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
            Save changes
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
