import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { leadService, type Lead } from '@/api/leadService';
import { ApiError, describeError } from '@/api/problem';
import type { CustomField } from '@/api/userService';
import { FormTextField } from '@/components/form/FormTextField';
import { teamsQuery } from '@/features/teams/queries';
import { CONSENT_METHODS, leadName } from './labels';
import { LEADS_KEY, leadQuery, useAssignableUsers } from './queries';
import { consentDialogSchema, consentToApi, leadToUpdateRequest, toLocalInput, type ConsentForm } from './schemas';

function useLeadSaved() {
  const queryClient = useQueryClient();
  return (lead: Lead) => {
    queryClient.setQueryData(leadQuery(lead.id).queryKey, lead);
    void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
  };
}

/**
 * Assign an unassigned lead, or hand an assigned one to someone else (a reason is then required,
 * and kept in the history). Supervisors within their team, admins anyone; or a team's agents in turn.
 */
export function AssignDialog({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const saved = useLeadSaved();
  const reassigning = lead.assigneeId !== null;
  const [to, setTo] = useState<'user' | 'team'>('user');
  const [userId, setUserId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const { assignable } = useAssignableUsers();
  const teams = useQuery(teamsQuery);
  const assign = useMutation({
    mutationFn: () => {
      const body = { ...(to === 'user' ? { userId } : { teamId }), ...(reason.trim() ? { reason: reason.trim() } : {}) };
      return reassigning ? leadService.reassign(lead.id, body) : leadService.assign(lead.id, body);
    },
    onSuccess: (updated) => {
      saved(updated);
      onClose();
    },
  });
  const submit = () => {
    const problems: Record<string, string> = {};
    if (to === 'user' && !userId) problems.userId = 'Choose who gets the lead';
    if (to === 'team' && !teamId) problems.teamId = 'Choose a team';
    if (reassigning && !reason.trim()) problems.reason = 'Say why the lead changes hands';
    setMissing(problems);
    if (Object.keys(problems).length === 0) assign.mutate();
  };
  const serverField = (name: string) => (assign.error as { fieldErrors?: { field: string; message: string }[] } | null)?.fieldErrors?.find((f) => f.field === name)?.message;
  const candidates = assignable.filter((a) => a.userId !== lead.assigneeId);
  return (
    <Dialog open onClose={assign.isPending ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{reassigning ? 'Reassign' : 'Assign'} {leadName(lead)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {reassigning && <DialogContentText>Now with {lead.assigneeName ?? 'someone who left'}.</DialogContentText>}
          <ToggleButtonGroup exclusive size="small" value={to} onChange={(_, v) => v && setTo(v)} aria-label="A person or a team">
            <ToggleButton value="user">A person</ToggleButton>
            <ToggleButton value="team">A team, in turn</ToggleButton>
          </ToggleButtonGroup>
          {to === 'user' ? (
            <TextField select label="Assign to" value={userId} onChange={(e) => setUserId(e.target.value)} error={Boolean(missing.userId || serverField('userId'))} helperText={missing.userId ?? serverField('userId')}>
              {candidates.length === 0 && <MenuItem disabled value="">Nobody else to assign to</MenuItem>}
              {candidates.map((a) => <MenuItem key={a.userId} value={a.userId}>{a.name}{a.paused ? ' (away)' : ''}</MenuItem>)}
            </TextField>
          ) : (
            <TextField select label="Team" value={teams.isSuccess ? teamId : ''} onChange={(e) => setTeamId(e.target.value)} disabled={!teams.isSuccess} error={Boolean(missing.teamId || serverField('teamId'))} helperText={missing.teamId ?? serverField('teamId') ?? 'The team’s next available agent gets it'}>
              {!teams.data?.length && <MenuItem disabled value="">No teams</MenuItem>}
              {teams.data?.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
            </TextField>
          )}
          <TextField
            label={reassigning ? 'Reason' : 'Reason (optional)'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(missing.reason || serverField('reason'))}
            helperText={missing.reason ?? serverField('reason') ?? 'Kept in the lead’s history'}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {assign.isError && !serverField('reason') && !serverField('userId') && !serverField('teamId') && <Alert severity="error">{describeError(assign.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={assign.isPending}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={assign.isPending}>{reassigning ? 'Reassign' : 'Assign'}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Set do-not-contact (anyone, with a reason) or clear it (supervisors and admins). */
export function DoNotContactDialog({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const saved = useLeadSaved();
  const setting = !lead.doNotContact;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const change = useMutation({
    mutationFn: () => leadService.setDoNotContact(lead.id, setting, reason.trim() || undefined),
    onSuccess: (updated) => {
      saved(updated);
      onClose();
    },
  });
  return (
    <Dialog open onClose={change.isPending ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{setting ? 'Do not contact this lead?' : 'Allow contacting this lead again?'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>
            {setting
              ? `${leadName(lead)} will be marked do not contact. Only a supervisor or an admin can clear it.`
              : `Make sure ${leadName(lead)} has agreed to be contacted again.`}
          </DialogContentText>
          <TextField
            autoFocus
            label={setting ? 'Why not' : 'Reason (optional)'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={missing}
            helperText={missing ? 'Say why the lead must not be contacted' : 'Kept in the lead’s history'}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {change.isError && <Alert severity="error">{describeError(change.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={change.isPending}>Cancel</Button>
        <Button
          variant="contained"
          color={setting ? 'error' : 'primary'}
          disabled={change.isPending}
          onClick={() => {
            if (setting && !reason.trim()) return setMissing(true);
            change.mutate();
          }}
        >
          {setting ? 'Mark do not contact' : 'Clear do not contact'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Records TCPA consent: when, how, and the exact text. Consent is part of the lead's editable
 * fields, so this saves the whole lead as loaded with the new consent (a changed lead answers 409).
 */
export function ConsentDialog({ lead, customFields, onClose }: { lead: Lead; customFields: CustomField[]; onClose: () => void }) {
  const saved = useLeadSaved();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<ConsentForm>({
    resolver: zodResolver(consentDialogSchema),
    defaultValues: {
      givenAt: lead.consent ? toLocalInput(lead.consent.givenAt) : toLocalInput(new Date().toISOString()),
      method: lead.consent?.method ?? '',
      text: lead.consent?.text ?? '',
    },
  });
  const method = useController({ control: form.control, name: 'method' });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      saved(await leadService.update(lead.id, leadToUpdateRequest(lead, customFields, { consent: consentToApi(values) })));
      onClose();
    } catch (error) {
      setConflict(error instanceof ApiError && error.status === 409);
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      const consentErrors = fieldErrors.filter((f) => f.field.startsWith('consent.'));
      consentErrors.forEach((f) => form.setError(f.field.slice('consent.'.length) as keyof ConsentForm, { type: 'server', message: f.message }));
      setFormError(consentErrors.length > 0 && consentErrors.length === fieldErrors.length ? null : describeError(error));
    }
  });
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: leadQuery(lead.id).queryKey });
    onClose();
  };
  return (
    <Dialog open onClose={form.formState.isSubmitting ? undefined : onClose} maxWidth="sm" fullWidth>
      <form onSubmit={onSubmit} noValidate aria-label="Record consent">
        <DialogTitle>Record TCPA consent</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError && (
              <Alert severity={conflict ? 'warning' : 'error'} action={conflict ? <Button color="inherit" size="small" onClick={() => void reload()}>Reload the lead</Button> : undefined}>
                {conflict ? 'Someone changed this lead after you opened it, so the consent was not recorded. Reload the lead and record it again.' : formError}
              </Alert>
            )}
            <FormTextField control={form.control} name="givenAt" label="Given at" type="datetime-local" slotProps={{ inputLabel: { shrink: true } }} />
            <TextField
              select
              label="How"
              name="method"
              value={method.field.value}
              onChange={method.field.onChange}
              inputRef={method.field.ref}
              error={method.fieldState.invalid}
              helperText={method.fieldState.error?.message}
            >
              {CONSENT_METHODS.map((m) => <MenuItem key={m.value} value={m.value}>{m.label}</MenuItem>)}
            </TextField>
            <FormTextField control={form.control} name="text" label="The exact text shown or read" multiline minRows={3} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={form.formState.isSubmitting}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>Record consent</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
