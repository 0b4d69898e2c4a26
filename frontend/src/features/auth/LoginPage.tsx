import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { applyProblemToForm } from '@/api/problem';
import { SESSION_EXPIRED_MESSAGE, useAuth } from '@/auth/AuthProvider';
import { FormTextField } from '@/components/form/FormTextField';
import { AuthLayout } from './AuthLayout';
import { loginSchema, type LoginForm } from './schemas';

export function LoginPage() {
  const { login, endReason } = useAuth();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<LoginForm>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    try {
      // On success the session changes and the route guard takes the user onwards.
      await login(email, password);
    } catch (error) {
      setFormError(applyProblemToForm(error, setError, ['email', 'password']));
    }
  });

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to your company's workspace.">
      {/* Why the last session ended matters until the next attempt; then its outcome does. */}
      {endReason === 'expired' && !formState.isSubmitted && (
        <Alert severity="warning" role="status" sx={{ mb: 2.5 }} data-testid="session-expired">
          {SESSION_EXPIRED_MESSAGE}
        </Alert>
      )}
      {endReason === 'signedOut' && !formState.isSubmitted && (
        <Alert severity="info" role="status" sx={{ mb: 2.5 }}>
          You have signed out.
        </Alert>
      )}
      <Box component="form" onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          <FormTextField control={control} name="email" label="Email" type="email" autoComplete="username" autoFocus />
          <FormTextField control={control} name="password" label="Password" type="password" autoComplete="current-password" />
          <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </Stack>
      </Box>
      <Typography sx={{ mt: 3 }} color="text.secondary">
        New to ChosenCRM?{' '}
        <MuiLink component={Link} to="/signup" sx={{ fontWeight: 600 }}>
          Create your company's account
        </MuiLink>
      </Typography>
    </AuthLayout>
  );
}
