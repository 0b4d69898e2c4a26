import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Link as MuiLink,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { leadService, type Lead } from '@/api/leadService';
import { ApiError, applyProblemToForm, DUPLICATE_LEAD_PROBLEM, type DuplicateProblem } from '@/api/problem';
import type { CustomField } from '@/api/userService';
import { useAuth } from '@/auth/AuthProvider';
import { ErrorState } from '@/components/ErrorState';
import { FormTextField } from '@/components/form/FormTextField';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { customFieldsQuery } from '@/features/settings/queries';
import { CONSENT_METHODS, CREDIT_BANDS, leadName, LOAN_PURPOSES, US_STATES } from './labels';
import { LEADS_KEY, leadQuery, stagesQuery, useAssignableUsers } from './queries';
import {
  emptyLeadForm,
  leadFormFields,
  leadFormSchema,
  leadToForm,
  toCreateRequest,
  toUpdateRequest,
  type LeadForm,
} from './schemas';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="section" aria-label={title}>
      <Typography variant="h3" sx={{ mb: 2 }}>{title}</Typography>
      <Stack spacing={2}>{children}</Stack>
    </Paper>
  );
}

const Row = ({ children }: { children: ReactNode }) => (
  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>{children}</Stack>
);

function SelectField({ control, name, label, options, emptyLabel = 'None' }: { control: Control<LeadForm>; name: 'status' | 'loanPurpose' | 'propertyState' | 'creditBand' | 'assigneeId' | 'consent.method'; label: string; options: { value: string; label: string }[]; emptyLabel?: string }) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      select
      label={label}
      name={field.name}
      value={field.value ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={fieldState.invalid}
      helperText={fieldState.error?.message}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value=""><em>{emptyLabel}</em></MenuItem>
      {/* The current value until its options arrive (stages load separately). */}
      {field.value && !options.some((o) => o.value === field.value) && <MenuItem value={field.value}>{field.value}</MenuItem>}
      {options.map((o) => <MenuItem key={o.value} value={o.value}>{o.label}</MenuItem>)}
    </TextField>
  );
}

function TagsField({ control }: { control: Control<LeadForm> }) {
  const { field, fieldState } = useController({ control, name: 'tags' });
  return (
    <Autocomplete
      multiple
      freeSolo
      options={[] as string[]}
      value={field.value}
      onChange={(_, next) => field.onChange([...new Set(next.map((t) => t.trim().toLowerCase()).filter(Boolean))])}
      renderValue={(value, getItemProps) =>
        value.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Tags"
          name="tags"
          inputRef={field.ref}
          placeholder="Type a tag and press Enter"
          error={fieldState.invalid}
          helperText={fieldState.error?.message ?? 'Stored in lower case'}
        />
      )}
    />
  );
}

/** One of the tenant's custom fields, as its type asks. */
function CustomFieldInput({ control, field: definition }: { control: Control<LeadForm>; field: CustomField }) {
  const { field, fieldState } = useController({ control, name: `customFields.${definition.key}` });
  const label = definition.required ? `${definition.label} *` : definition.label;
  if (definition.type === 'BOOLEAN') {
    return (
      <FormControlLabel
        control={<Checkbox checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)} slotProps={{ input: { ref: field.ref } }} />}
        label={definition.label}
      />
    );
  }
  const common = {
    label,
    name: field.name,
    value: field.value ?? '',
    onChange: field.onChange,
    onBlur: field.onBlur,
    inputRef: field.ref,
    error: fieldState.invalid,
    helperText: fieldState.error?.message,
  };
  if (definition.type === 'SELECT') {
    return (
      <TextField select {...common} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
        <MenuItem value=""><em>None</em></MenuItem>
        {definition.options.map((o) => <MenuItem key={o} value={o}>{o}</MenuItem>)}
      </TextField>
    );
  }
  if (definition.type === 'DATE') return <TextField {...common} type="date" slotProps={{ inputLabel: { shrink: true } }} />;
  if (definition.type === 'NUMBER') return <TextField {...common} inputMode="decimal" />;
  return <TextField {...common} slotProps={{ htmlInput: { maxLength: 1000 } }} />;
}

function DuplicateNotice({ duplicates, onSaveAnyway, pending }: { duplicates: DuplicateProblem[]; onSaveAnyway: () => void; pending: boolean }) {
  return (
    <Alert
      severity="warning"
      action={<Button color="inherit" size="small" onClick={onSaveAnyway} disabled={pending}>Save anyway</Button>}
    >
      A lead with the same {duplicates[0]!.matchedOn.map((m) => m.toLowerCase()).join(' and ')} already exists:{' '}
      {duplicates.map((d, i) => (
        <span key={d.leadId}>
          {i > 0 && ', '}
          <MuiLink component={Link} to={`/leads/${d.leadId}`} target="_blank" rel="noopener">open it</MuiLink>
        </span>
      ))}
      . Save anyway to keep both.
    </Alert>
  );
}

/** The create and edit form; `lead` given for editing. */
function LeadFormBody({ lead, customFields }: { lead?: Lead; customFields: CustomField[] }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const stages = useQuery(stagesQuery);
  const { assignable, manager } = useAssignableUsers();
  const sortedFields = useMemo(() => [...customFields].sort((a, b) => a.position - b.position), [customFields]);
  const schema = useMemo(() => leadFormSchema(sortedFields), [sortedFields]);
  const form = useForm<LeadForm>({
    resolver: zodResolver(schema),
    defaultValues: lead ? leadToForm(lead, sortedFields) : emptyLeadForm(sortedFields),
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateProblem[] | null>(null);
  const [conflict, setConflict] = useState(false);
  // A problem for the whole form shows above it: bring it into view, wherever the user is.
  const notices = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError || duplicates || conflict) notices.current?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  }, [formError, duplicates, conflict]);
  const doNotContact = useWatch({ control: form.control, name: 'doNotContact' });
  const recordConsent = useWatch({ control: form.control, name: 'recordConsent' });

  const save = useMutation({
    mutationFn: ({ values, allowDuplicate }: { values: LeadForm; allowDuplicate: boolean }) =>
      lead
        ? leadService.update(lead.id, toUpdateRequest(values, lead, sortedFields), allowDuplicate)
        : leadService.create(toCreateRequest(values, sortedFields), allowDuplicate),
    onSuccess: (saved) => {
      queryClient.setQueryData(leadQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });

  const submit = (allowDuplicate: boolean) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      setDuplicates(null);
      setConflict(false);
      try {
        const saved = await save.mutateAsync({ values, allowDuplicate });
        navigate(`/leads/${saved.id}`, { replace: Boolean(lead) });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.problem.type === DUPLICATE_LEAD_PROBLEM && error.problem.duplicates) {
          setDuplicates(error.problem.duplicates);
        } else if (error instanceof ApiError && error.status === 409 && lead) {
          setConflict(true);
        } else {
          setFormError(applyProblemToForm(error, form.setError, leadFormFields(sortedFields) as unknown as (keyof LeadForm)[]));
        }
      }
    });

  const reload = async () => {
    if (!lead) return;
    const fresh = await queryClient.fetchQuery({ ...leadQuery(lead.id), staleTime: 0 });
    form.reset(leadToForm(fresh, sortedFields));
    setConflict(false);
  };

  const stageOptions = (stages.data ?? []).map((s) => ({ value: s.name, label: s.name }));
  return (
    <form onSubmit={submit(false)} noValidate aria-label={lead ? 'Edit lead' : 'New lead'}>
      <Stack spacing={2.5}>
        <Stack ref={notices} spacing={2} sx={{ '&:empty': { display: 'none' } }}>
          {formError && <Alert severity="error">{formError}</Alert>}
          {duplicates && <DuplicateNotice duplicates={duplicates} pending={save.isPending} onSaveAnyway={() => void submit(true)()} />}
          {conflict && lead && (
            <Alert severity="warning" action={<Button color="inherit" size="small" onClick={() => void reload()}>Reload the lead</Button>}>
              Someone changed this lead after you opened it, so your changes were not saved. Reload to see the latest
              version (your edits here are discarded), then make them again.
            </Alert>
          )}
        </Stack>
        <Section title="Contact">
          <Row>
            <FormTextField control={form.control} name="firstName" label="First name" autoFocus={!lead} />
            <FormTextField control={form.control} name="lastName" label="Last name" />
          </Row>
          <Row>
            <FormTextField control={form.control} name="email" label="Email" type="email" />
            <FormTextField control={form.control} name="phone" label="Phone" type="tel" helperText="US numbers need 10 digits; others start with +" />
          </Row>
          <Row>
            <FormTextField control={form.control} name="source" label="Source" helperText="e.g. Zillow, Referral" />
            <SelectField control={form.control} name="status" label="Stage" options={stageOptions} emptyLabel={lead ? 'Keep the current stage' : 'First stage'} />
          </Row>
          <TagsField control={form.control} />
        </Section>
        <Section title="Loan">
          <Row>
            <SelectField control={form.control} name="loanPurpose" label="Loan purpose" options={LOAN_PURPOSES} />
            <FormTextField control={form.control} name="loanAmount" label="Loan amount (USD)" inputMode="decimal" />
          </Row>
          <Row>
            <SelectField control={form.control} name="propertyState" label="Property state" options={US_STATES.map((s) => ({ value: s, label: s }))} />
            <SelectField control={form.control} name="creditBand" label="Credit band" options={CREDIT_BANDS} />
          </Row>
          <FormTextField control={form.control} name="notes" label="Notes" multiline minRows={3} />
        </Section>
        {sortedFields.length > 0 && (
          <Section title="More details">
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' } }}>
              {sortedFields.map((f) => <CustomFieldInput key={f.id} control={form.control} field={f} />)}
            </Box>
          </Section>
        )}
        {!lead && (
          <Section title="Assignment">
            {manager ? (
              <SelectField
                control={form.control}
                name="assigneeId"
                label="Assign to"
                options={assignable.map((a) => ({ value: a.userId, label: a.name }))}
                emptyLabel="Let the assignment rules decide"
              />
            ) : (
              <Typography color="text.secondary">The lead will be assigned to you{user ? `, ${user.firstName}` : ''}.</Typography>
            )}
          </Section>
        )}
        <Section title="Compliance">
          {!lead && (
            <>
              <CheckboxField control={form.control} name="doNotContact" label="Do not contact this lead" />
              {doNotContact && <FormTextField control={form.control} name="doNotContactReason" label="Why not" />}
            </>
          )}
          <CheckboxField control={form.control} name="recordConsent" label={lead ? 'TCPA consent is on record' : 'Record TCPA consent'} />
          {recordConsent && (
            <>
              <Row>
                <FormTextField control={form.control} name="consent.givenAt" label="Given at" type="datetime-local" slotProps={{ inputLabel: { shrink: true } }} />
                <SelectField control={form.control} name="consent.method" label="How" options={CONSENT_METHODS} emptyLabel="Choose" />
              </Row>
              <FormTextField control={form.control} name="consent.text" label="Consent text shown or read" multiline minRows={2} />
            </>
          )}
          {lead && !recordConsent && lead.consent && (
            <Alert severity="warning">Saving removes the consent on record.</Alert>
          )}
        </Section>
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end' }}>
          <Button component={Link} to={lead ? `/leads/${lead.id}` : '/leads'} disabled={form.formState.isSubmitting}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
            {lead ? 'Save changes' : 'Create lead'}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}

function CheckboxField({ control, name, label }: { control: Control<LeadForm>; name: 'doNotContact' | 'recordConsent'; label: string }) {
  const { field } = useController({ control, name });
  return (
    <FormControlLabel
      control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} slotProps={{ input: { ref: field.ref } }} />}
      label={label}
    />
  );
}

export function LeadFormPage() {
  const { id } = useParams();
  const lead = useQuery({ ...leadQuery(id ?? ''), enabled: Boolean(id) });
  const fields = useQuery(customFieldsQuery('LEAD'));
  const title = id ? (lead.data ? `Edit ${leadName(lead.data)}` : 'Edit lead') : 'New lead';
  return (
    <Box sx={{ maxWidth: 880 }}>
      <PageHeader title={title} subtitle={id ? undefined : 'A person who may need a mortgage.'} />
      {(id && lead.isPending) || fields.isPending ? (
        <LoadingState label="Loading the form" rows={8} />
      ) : id && lead.isError ? (
        <ErrorState error={lead.error} onRetry={() => void lead.refetch()} title="The lead could not be loaded" />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} title="Your company's custom fields could not be loaded" />
      ) : (
        <LeadFormBody key={lead.data?.version ?? 'new'} lead={id ? lead.data : undefined} customFields={fields.data} />
      )}
    </Box>
  );
}
