import { Alert, Box, Button, Chip, MenuItem, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/api/problem';
import { userService, type FeatureFlag, type FlagValue } from '@/api/userService';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { flagLabel, formatFlagValue, parseIntegerFlag } from './flags';
import { featureFlagsQuery } from './queries';

export function FeatureFlagsPage() {
  const flags = useQuery(featureFlagsQuery);
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ key, value }: { key: string; value: FlagValue }) => userService.settings.updateFeatures({ [key]: value }),
    onSuccess: (updated) => queryClient.setQueryData(featureFlagsQuery.queryKey, updated),
  });

  return (
    <>
      <PageHeader title="Feature flags" subtitle="Switch features on or off for everyone in your company." />
      {update.isError && (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => update.reset()}>
          {flagLabel(update.variables.key)} was not changed: {describeError(update.error)}
        </Alert>
      )}
      {flags.isPending ? (
        <LoadingState rows={6} label="Loading feature flags" />
      ) : flags.isError ? (
        <ErrorState error={flags.error} onRetry={() => void flags.refetch()} title="Feature flags could not be loaded" />
      ) : flags.data.length === 0 ? (
        <EmptyState title="No feature flags">There is nothing to switch on or off yet.</EmptyState>
      ) : (
        <Paper variant="outlined">
          {flags.data.map((flag, index) => (
            <FlagRow
              key={flag.key}
              flag={flag}
              divider={index > 0}
              saving={update.isPending && update.variables.key === flag.key}
              onChange={(value) => update.mutate({ key: flag.key, value })}
            />
          ))}
        </Paper>
      )}
    </>
  );
}

function FlagRow({ flag, divider, saving, onChange }: { flag: FeatureFlag; divider: boolean; saving: boolean; onChange: (value: FlagValue) => void }) {
  const label = flagLabel(flag.key);
  return (
    <Box
      data-testid={`flag-${flag.key}`}
      sx={{
        display: 'flex',
        // A switch stays beside its label on phones; wider inputs go underneath.
        alignItems: flag.type === 'BOOLEAN' ? 'center' : { xs: 'flex-start', sm: 'center' },
        flexDirection: flag.type === 'BOOLEAN' ? 'row' : { xs: 'column', sm: 'row' },
        gap: 2, px: 2.5, py: 2, borderTop: divider ? 1 : 0, borderColor: 'divider' }}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id={`flag-label-${flag.key}`} sx={{ fontWeight: 600 }}>{label}</Typography>
          {flag.overridden ? (
            <Chip size="small" color="primary" variant="outlined" label="Changed" />
          ) : (
            <Chip size="small" variant="outlined" label="Default" />
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{flag.description}</Typography>
        {flag.overridden && (
          <Typography variant="caption" color="text.secondary">Default: {formatFlagValue(flag.defaultValue)}</Typography>
        )}
      </Box>
      <Box sx={{ flexShrink: 0 }}>
        {flag.type === 'BOOLEAN' ? (
          <Switch
            checked={flag.value === true}
            disabled={saving}
            onChange={(e) => onChange(e.target.checked)}
            slotProps={{ input: { 'aria-labelledby': `flag-label-${flag.key}` } }}
          />
        ) : flag.type === 'STRING' ? (
          <TextField
            select
            size="small"
            value={String(flag.value)}
            disabled={saving}
            onChange={(e) => onChange(e.target.value)}
            sx={{ minWidth: 180 }}
            slotProps={{ htmlInput: { 'aria-labelledby': `flag-label-${flag.key}` } }}
          >
            {(flag.allowedValues ?? [String(flag.value)]).map((v) => <MenuItem key={v} value={v}>{v}</MenuItem>)}
          </TextField>
        ) : (
          <IntegerFlagInput flag={flag} saving={saving} onSave={onChange} />
        )}
      </Box>
    </Box>
  );
}

function IntegerFlagInput({ flag, saving, onSave }: { flag: FeatureFlag; saving: boolean; onSave: (value: number) => void }) {
  const [text, setText] = useState(String(flag.value));
  const parsed = parseIntegerFlag(flag, text);
  const changed = 'value' in parsed && parsed.value !== flag.value;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        size="small"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={'error' in parsed}
        helperText={'error' in parsed ? parsed.error : flag.minimum != null && flag.maximum != null ? `${flag.minimum}–${flag.maximum}` : undefined}
        sx={{ width: 130 }}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-labelledby': `flag-label-${flag.key}` } }}
      />
      <Button variant="outlined" disabled={!changed || saving} onClick={() => 'value' in parsed && onSave(parsed.value)}>
        Save
      </Button>
    </Stack>
  );
}
