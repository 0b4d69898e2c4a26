import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyProblemToForm } from '@/api/problem';
import { userService } from '@/api/userService';
import { roleLabel } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { meQuery } from '@/auth/meQuery';
import { FormTextField } from '@/components/form/FormTextField';
import { PageHeader } from '@/components/PageHeader';
import { PASSWORD_MIN_LENGTH } from '@/features/auth/passwordRules';
import { changePasswordSchema, type ChangePasswordForm } from './schemas';

export function AccountPage() {
  const { user } = useAuth();
  const me = useQuery(meQuery);
  const email = user?.email ?? '';
  const schema = useMemo(() => changePasswordSchema(email), [email]);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const change = useMutation({
    mutationFn: (values: ChangePasswordForm) => userService.users.changeOwnPassword(values.currentPassword, values.newPassword),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await change.mutateAsync(values);
      form.reset();
    } catch (error) {
      setFormError(applyProblemToForm(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });

  return (
    <>
      <PageHeader title="My account" />
      <Stack spacing={3} sx={{ maxWidth: 640 }}>
        <Card>
          <CardContent>
            <Typography variant="h3">Profile</Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, mt: 2, mb: 0 }}>
              <Typography component="dt" color="text.secondary">Name</Typography>
              <Typography component="dd" sx={{ m: 0 }}>{user?.firstName} {user?.lastName}</Typography>
              <Typography component="dt" color="text.secondary">Email</Typography>
              <Typography component="dd" sx={{ m: 0, wordBreak: 'break-all' }}>{user?.email}</Typography>
              <Typography component="dt" color="text.secondary">Company</Typography>
              <Typography component="dd" sx={{ m: 0 }}>{me.data?.tenant.name ?? '…'}</Typography>
              <Typography component="dt" color="text.secondary">Roles</Typography>
              <Box component="dd" sx={{ m: 0, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                {user?.roles.map((role) => <Chip key={role} size="small" label={roleLabel(role)} />)}
              </Box>
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              An admin of your company can change your name, email, roles and team.
            </Typography>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="h3">Change password</Typography>
            <Box component="form" onSubmit={onSubmit} noValidate sx={{ mt: 2 }}>
              <Stack spacing={2}>
                {change.isSuccess && !formError && <Alert severity="success">Your password has been changed.</Alert>}
                {formError && <Alert severity="error">{formError}</Alert>}
                <FormTextField control={form.control} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
                <FormTextField
                  control={form.control}
                  name="newPassword"
                  label="New password"
                  type="password"
                  autoComplete="new-password"
                  helperText={`At least ${PASSWORD_MIN_LENGTH} characters, with a letter and a digit`}
                />
                <FormTextField control={form.control} name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" />
                <Box>
                  <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
                    Change password
                  </Button>
                </Box>
              </Stack>
            </Box>
          </CardContent>
        </Card>
      </Stack>
    </>
  );
}
