import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Autocomplete, Box, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useController, useForm, useWatch } from 'react-hook-form';
import { ApiError, applyProblemToForm } from '@/api/problem';
import { userService, type TenantSettings } from '@/api/userService';
import { ErrorState } from '@/components/ErrorState';
import { FormTextField } from '@/components/form/FormTextField';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { useBranding } from '@/theme/BrandingProvider';
import { isHexColor, isLowContrastOnWhite, palette } from '@/theme/theme';
import { tenantSettingsQuery } from './queries';
import {
  TENANT_SETTINGS_FIELDS,
  tenantSettingsSchema,
  toTenantSettingsForm,
  toTenantSettingsRequest,
  type TenantSettingsForm,
} from './schemas';

const LOCALES = [
  { value: 'en-US', label: 'English (United States)' },
  { value: 'es-US', label: 'Spanish (United States)' },
  { value: 'en-CA', label: 'English (Canada)' },
  { value: 'fr-CA', label: 'French (Canada)' },
];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'UTC'];
  }
}

export function TenantSettingsPage() {
  const settings = useQuery(tenantSettingsQuery);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <PageHeader title="Company settings" subtitle="Your company's profile, time zone and branding." />
      {settings.isPending ? (
        <LoadingState rows={6} label="Loading settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} title="Settings could not be loaded" />
      ) : (
        // A new version (saved here or reloaded after a conflict) starts a fresh form.
        <SettingsForm key={settings.data.version} settings={settings.data} saved={saved} onSaved={setSaved} />
      )}
    </>
  );
}

function SettingsForm({ settings, saved, onSaved }: { settings: TenantSettings; saved: boolean; onSaved: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const { previewPrimaryColor } = useBranding();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const zones = useMemo(() => timeZones(), []);
  const form = useForm<TenantSettingsForm>({
    resolver: zodResolver(tenantSettingsSchema),
    defaultValues: toTenantSettingsForm(settings),
  });
  const color = useWatch({ control: form.control, name: 'branding.primaryColor' });
  const timeZone = useController({ control: form.control, name: 'timeZone' });
  const locale = useController({ control: form.control, name: 'locale' });

  // Branding applies live while the admin chooses; leaving the page drops an unsaved choice.
  useEffect(() => {
    previewPrimaryColor(isHexColor(color) ? color : null);
  }, [color, previewPrimaryColor]);
  useEffect(() => () => previewPrimaryColor(null), [previewPrimaryColor]);

  const save = useMutation({
    mutationFn: (values: TenantSettingsForm) => userService.settings.updateTenant(toTenantSettingsRequest(values, settings.version)),
    onSuccess: (updated) => {
      queryClient.setQueryData(tenantSettingsQuery.queryKey, updated);
      // The header shows the company name from /me.
      void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setConflict(false);
    onSaved(false);
    try {
      await save.mutateAsync(values);
      onSaved(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      setFormError(applyProblemToForm(error, form.setError, TENANT_SETTINGS_FIELDS));
    }
  });

  const reload = () => void queryClient.invalidateQueries({ queryKey: tenantSettingsQuery.queryKey });
  const locales = LOCALES.some((l) => l.value === settings.locale) ? LOCALES : [...LOCALES, { value: settings.locale, label: settings.locale }];

  return (
    <Box component="form" onSubmit={onSubmit} noValidate sx={{ maxWidth: 880 }}>
      <Stack spacing={3}>
        {saved && !form.formState.isDirty && <Alert severity="success">Settings saved.</Alert>}
        {formError && (
          <Alert severity="error" action={conflict ? <Button color="inherit" size="small" onClick={reload}>Reload</Button> : undefined}>
            {formError}
          </Alert>
        )}
        <Card>
          <CardContent>
            <Typography variant="h3" sx={{ mb: 2 }}>Profile</Typography>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
              <FormTextField control={form.control} name="companyName" label="Company name" />
              <FormTextField control={form.control} name="legalName" label="Legal name" />
              <FormTextField control={form.control} name="nmlsId" label="NMLS id" inputMode="numeric" />
              <FormTextField control={form.control} name="phone" label="Phone" type="tel" />
              <FormTextField control={form.control} name="email" label="Contact email" type="email" />
              <FormTextField control={form.control} name="website" label="Website" placeholder="https://" />
            </Box>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="h3" sx={{ mb: 2 }}>Address</Typography>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr' } }}>
              <Box sx={{ gridColumn: { sm: '1 / -1' } }}><FormTextField control={form.control} name="address.line1" label="Address line 1" /></Box>
              <Box sx={{ gridColumn: { sm: '1 / -1' } }}><FormTextField control={form.control} name="address.line2" label="Address line 2" /></Box>
              <FormTextField control={form.control} name="address.city" label="City" />
              <FormTextField control={form.control} name="address.state" label="State" placeholder="TX" />
              <FormTextField control={form.control} name="address.postalCode" label="ZIP code" inputMode="numeric" />
            </Box>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="h3" sx={{ mb: 2 }}>Region</Typography>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
              <Autocomplete
                options={zones}
                value={timeZone.field.value}
                onChange={(_, value) => timeZone.field.onChange(value ?? '')}
                disableClearable
                renderInput={(params) => (
                  <TextField
                    {...params}
                    label="Time zone"
                    name="timeZone"
                    inputRef={timeZone.field.ref}
                    error={timeZone.fieldState.invalid}
                    helperText={timeZone.fieldState.error?.message ?? 'Used for schedules, reports and time stamps'}
                  />
                )}
              />
              <TextField
                select
                label="Language and format"
                name="locale"
                value={locale.field.value}
                onChange={locale.field.onChange}
                inputRef={locale.field.ref}
                error={locale.fieldState.invalid}
                helperText={locale.fieldState.error?.message}
              >
                {locales.map((l) => <MenuItem key={l.value} value={l.value}>{l.label}</MenuItem>)}
              </TextField>
            </Box>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="h3">Branding</Typography>
            <Typography color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
              Your colour is applied across the app as you choose it; save to keep it.
            </Typography>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, alignItems: 'start' }}>
              <FormTextField
                control={form.control}
                name="branding.primaryColor"
                label="Primary colour"
                placeholder="#0066FF"
                helperText={isHexColor(color) && isLowContrastOnWhite(color) ? 'This colour is hard to read on white; a darker one works better.' : 'A hex colour such as #0066FF'}
                slotProps={{
                  input: {
                    startAdornment: (
                      <Box
                        component="input"
                        type="color"
                        aria-label="Pick a colour"
                        value={isHexColor(color) ? color.toLowerCase() : palette.primary.toLowerCase()}
                        onChange={(e: ChangeEvent<HTMLInputElement>) =>
                          form.setValue('branding.primaryColor', e.target.value.toUpperCase(), { shouldDirty: true, shouldValidate: true })
                        }
                        sx={{ width: 32, height: 28, p: 0, mr: 1, border: 0, bgcolor: 'transparent', cursor: 'pointer' }}
                      />
                    ),
                  },
                }}
              />
              <FormTextField control={form.control} name="branding.logoUrl" label="Logo URL" placeholder="https://" helperText="An https:// image shown in the sidebar" />
            </Box>
            <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }} useFlexGap>
              <Button variant="contained">Primary button</Button>
              <Button variant="outlined">Outlined</Button>
              <Button onClick={() => form.setValue('branding.primaryColor', palette.primary, { shouldDirty: true, shouldValidate: true })}>
                Reset to Performance Black blue
              </Button>
            </Stack>
          </CardContent>
        </Card>
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', position: { xs: 'sticky', sm: 'static' }, bottom: 0, bgcolor: 'background.paper', py: 1.5 }}>
          <Button disabled={!form.formState.isDirty || form.formState.isSubmitting} onClick={() => form.reset()}>
            Discard changes
          </Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
            Save settings
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
