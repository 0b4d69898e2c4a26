import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { applyProblemToForm } from '@/api/problem';
import { useAuth } from '@/auth/AuthProvider';
import { FormTextField } from '@/components/form/FormTextField';
import { AuthLayout } from './AuthLayout';
import { PASSWORD_MIN_LENGTH } from './passwordRules';
import { signUpSchema, type SignUpForm } from './schemas';

export function SignUpPage() {
  const { register } = useAuth();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<SignUpForm>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { companyName: '', firstName: '', lastName: '', email: '', password: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ confirmPassword: _confirm, ...request }) => {
    setFormError(null);
    try {
      await register(request);
    } catch (error) {
      setFormError(applyProblemToForm(error, setError, ['companyName', 'firstName', 'lastName', 'email', 'password'], { conflictField: 'email' }));
    }
  });

  return (
    <AuthLayout title="Create your company's account" subtitle="You'll be its first admin. Invite your team once you're in.">
      <Box component="form" onSubmit={onSubmit} noValidate>
        <Stack spacing={2}>
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          <FormTextField control={control} name="companyName" label="Company name" autoComplete="organization" autoFocus />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <FormTextField control={control} name="firstName" label="First name" autoComplete="given-name" />
            <FormTextField control={control} name="lastName" label="Last name" autoComplete="family-name" />
          </Stack>
          <FormTextField control={control} name="email" label="Work email" type="email" autoComplete="email" />
          <FormTextField
            control={control}
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            helperText={`At least ${PASSWORD_MIN_LENGTH} characters, with a letter and a digit`}
          />
          <FormTextField control={control} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
          <Button type="submit" variant="contained" size="large" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Creating your account…' : 'Create account'}
          </Button>
        </Stack>
      </Box>
      <Typography sx={{ mt: 3 }} color="text.secondary">
        Already have an account?{' '}
        <MuiLink component={Link} to="/login" sx={{ fontWeight: 600 }}>
          Sign in
        </MuiLink>
      </Typography>
    </AuthLayout>
  );
}
