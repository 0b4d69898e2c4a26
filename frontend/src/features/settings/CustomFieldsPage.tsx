import { zodResolver } from '@hookform/resolvers/zod';
import Add from '@mui/icons-material/Add';
import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Paper,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useController, useForm, useWatch } from 'react-hook-form';
import { applyProblemToForm } from '@/api/problem';
import { userService, type CustomField, type EntityType } from '@/api/userService';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { FormTextField } from '@/components/form/FormTextField';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { customFieldsQuery } from './queries';
import { CUSTOM_FIELD_TYPES, customFieldSchema, ENTITY_TYPES, parseOptions, toCustomFieldForm, type CustomFieldForm } from './schemas';

const typeLabel = (type: string) => CUSTOM_FIELD_TYPES.find((t) => t.value === type)?.label ?? type;
const hideOnPhone = { display: { xs: 'none', sm: 'table-cell' } } as const;

export function CustomFieldsPage() {
  const [entity, setEntity] = useState<EntityType>('LEAD');
  const fields = useQuery(customFieldsQuery(entity));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ field?: CustomField } | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const remove = useMutation({
    mutationFn: (field: CustomField) => userService.settings.removeCustomField(field.id),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: ['settings', 'custom-fields'] });
    },
  });
  const sorted = [...(fields.data ?? [])].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
  const entityLabel = ENTITY_TYPES.find((e) => e.value === entity)!.label.toLowerCase();

  return (
    <>
      <PageHeader
        title="Custom fields"
        subtitle="Extra fields your company records on leads, calls and applications."
        actions={<Button variant="contained" startIcon={<Add />} onClick={() => setEditing({})}>Add field</Button>}
      />
      <Tabs value={entity} onChange={(_, value: EntityType) => setEntity(value)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }} variant="scrollable" allowScrollButtonsMobile>
        {ENTITY_TYPES.map((e) => <Tab key={e.value} value={e.value} label={e.label} />)}
      </Tabs>
      {fields.isPending ? (
        <LoadingState label="Loading custom fields" />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} title="Custom fields could not be loaded" />
      ) : sorted.length === 0 ? (
        <EmptyState title={`No custom fields on ${entityLabel}`} action={<Button variant="contained" onClick={() => setEditing({})}>Add the first field</Button>}>
          Add fields such as loan purpose or referral source; they appear on {entityLabel} forms.
        </EmptyState>
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label={`Custom fields on ${entityLabel}`}>
              <TableHead>
                <TableRow>
                  <TableCell sx={hideOnPhone}>#</TableCell>
                  <TableCell>Label</TableCell>
                  <TableCell sx={hideOnPhone}>Key</TableCell>
                  <TableCell>Type</TableCell>
                  <TableCell sx={hideOnPhone}>Required</TableCell>
                  <TableCell align="right" />
                </TableRow>
              </TableHead>
              <TableBody>
                {sorted.map((field) => (
                  <TableRow key={field.id} hover data-testid="custom-field-row">
                    <TableCell sx={hideOnPhone}>{field.position}</TableCell>
                    <TableCell>
                      <Typography sx={{ fontWeight: 600, fontSize: 14 }}>{field.label}</Typography>
                      {field.type === 'SELECT' && (
                        <Typography variant="body2" color="text.secondary" noWrap sx={{ maxWidth: 280 }}>{field.options.join(', ')}</Typography>
                      )}
                    </TableCell>
                    <TableCell sx={hideOnPhone}><code>{field.key}</code></TableCell>
                    <TableCell>{typeLabel(field.type)}</TableCell>
                    <TableCell sx={hideOnPhone}>{field.required ? <Chip size="small" label="Required" color="primary" variant="outlined" /> : 'Optional'}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setEditing({ field })}>Edit</Button>
                      <Button size="small" color="error" onClick={() => setDeleting(field)}>Delete</Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      )}
      {editing && (
        <CustomFieldDialog
          entity={entity}
          field={editing.field}
          nextPosition={sorted.length === 0 ? 0 : Math.max(...sorted.map((f) => f.position)) + 1}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete "${deleting.label}"?`}
          confirmLabel="Delete field"
          destructive
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(deleting)}
          onClose={() => { setDeleting(null); remove.reset(); }}
        >
          The field disappears from {entityLabel} forms. Values already recorded may no longer be shown.
        </ConfirmDialog>
      )}
    </>
  );
}

function CustomFieldDialog({ entity, field, nextPosition, onClose }: { entity: EntityType; field?: CustomField; nextPosition: number; onClose: () => void }) {
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CustomFieldForm>({ resolver: zodResolver(customFieldSchema), defaultValues: toCustomFieldForm(field, nextPosition) });
  const type = useController({ control: form.control, name: 'type' });
  const required = useController({ control: form.control, name: 'required' });
  const position = useController({ control: form.control, name: 'position' });
  const currentType = useWatch({ control: form.control, name: 'type' });

  const save = useMutation({
    mutationFn: (values: CustomFieldForm) => {
      const options = values.type === 'SELECT' ? parseOptions(values.options) : [];
      return field
        ? userService.settings.updateCustomField(field.id, { label: values.label, options, required: values.required, position: values.position })
        : userService.settings.createCustomField({ entity, key: values.key, label: values.label, type: values.type, options, required: values.required, position: values.position });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['settings', 'custom-fields'] }),
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      onClose();
    } catch (error) {
      setFormError(applyProblemToForm(error, form.setError, ['key', 'label', 'type', 'options', 'required', 'position'], { conflictField: field ? undefined : 'key' }));
    }
  });

  return (
    <Dialog open onClose={form.formState.isSubmitting ? undefined : onClose} fullWidth maxWidth="sm" fullScreen={fullScreen}>
      <form onSubmit={onSubmit} noValidate aria-label={field ? 'Edit custom field' : 'Add custom field'}>
        <DialogTitle>{field ? `Edit "${field.label}"` : 'Add custom field'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError && <Alert severity="error">{formError}</Alert>}
            <FormTextField control={form.control} name="label" label="Label" autoFocus helperText="What people see on the form, e.g. Loan purpose" />
            <FormTextField
              control={form.control}
              name="key"
              label="Key"
              disabled={Boolean(field)}
              helperText={field ? 'The key cannot change once values are stored under it' : 'How the value is stored, e.g. loanPurpose'}
            />
            <TextField
              select
              label="Type"
              name="type"
              value={type.field.value}
              onChange={type.field.onChange}
              inputRef={type.field.ref}
              disabled={Boolean(field)}
              error={type.fieldState.invalid}
              helperText={type.fieldState.error?.message ?? (field ? 'The type cannot change once values are stored' : undefined)}
            >
              {CUSTOM_FIELD_TYPES.map((t) => <MenuItem key={t.value} value={t.value}>{t.label}</MenuItem>)}
            </TextField>
            {currentType === 'SELECT' && (
              <FormTextField control={form.control} name="options" label="Options" multiline minRows={3} helperText="One option per line" />
            )}
            <TextField
              label="Position"
              type="number"
              name="position"
              value={Number.isNaN(position.field.value) ? '' : position.field.value}
              onChange={(e) => position.field.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
              inputRef={position.field.ref}
              error={position.fieldState.invalid}
              helperText={position.fieldState.error?.message ?? 'Lower numbers come first on the form'}
            />
            <FormControlLabel
              control={<Checkbox checked={required.field.value} onChange={(e) => required.field.onChange(e.target.checked)} slotProps={{ input: { ref: required.field.ref } }} />}
              label="Required: a record cannot be saved without it"
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={form.formState.isSubmitting}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>{field ? 'Save changes' : 'Add field'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
