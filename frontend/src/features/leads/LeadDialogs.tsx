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
import { ApiError, describeError, fieldMessage } from '@/api/problem';
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

/** Who gets leads: a person, or a team's agents in turn. */
export interface AssignTarget {
  to: 'user' | 'team';
  userId: string;
  teamId: string;
}

/**
 * The fields of an assign dialog: a person (not `exclude`, who has the leads now) or a team, and
 * the reason kept in the history.
 */
function AssignTargetFields({ target, onChange, exclude, label, reason, onReason, reasonLabel, reasonHelp, errors }: {
  target: AssignTarget;
  onChange: (target: AssignTarget) => void;
  exclude: string | null;
  label: string;
  reason: string;
  onReason: (reason: string) => void;
  reasonLabel: string;
  reasonHelp: string;
  errors: { userId?: string; teamId?: string; reason?: string };
}) {
  const { assignable } = useAssignableUsers();
  const teams = useQuery(teamsQuery);
  const candidates = assignable.filter((a) => a.userId !== exclude);
  return (
    <>
      <ToggleButtonGroup exclusive size="small" value={target.to} onChange={(_, v) => v && onChange({ ...target, to: v })} aria-label="A person or a team">
        <ToggleButton value="user">A person</ToggleButton>
        <ToggleButton value="team">A team, in turn</ToggleButton>
      </ToggleButtonGroup>
      {target.to === 'user' ? (
        <TextField select label={label} value={target.userId} onChange={(e) => onChange({ ...target, userId: e.target.value })} error={Boolean(errors.userId)} helperText={errors.userId}>
          {candidates.length === 0 && <MenuItem disabled value="">Nobody else to assign to</MenuItem>}
          {candidates.map((a) => <MenuItem key={a.userId} value={a.userId}>{a.name}{a.paused ? ' (away)' : ''}</MenuItem>)}
        </TextField>
      ) : (
        <TextField select label="Team" value={teams.isSuccess ? target.teamId : ''} onChange={(e) => onChange({ ...target, teamId: e.target.value })} disabled={!teams.isSuccess} error={Boolean(errors.teamId)} helperText={errors.teamId ?? 'The team’s available agents, in turn'}>
          {!teams.data?.length && <MenuItem disabled value="">No teams</MenuItem>}
          {teams.data?.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
        </TextField>
      )}
      <TextField
        label={reasonLabel}
        value={reason}
        onChange={(e) => onReason(e.target.value)}
        error={Boolean(errors.reason)}
        helperText={errors.reason ?? reasonHelp}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </>
  );
}

/** What is missing from a target before it can be sent. */
function targetProblems(target: AssignTarget, who: string): Record<string, string> {
  if (target.to === 'user' && !target.userId) return { userId: `Choose who gets ${who}` };
  if (target.to === 'team' && !target.teamId) return { teamId: 'Choose a team' };
  return {};
}

/**
 * Assign an unassigned lead, or hand an assigned one to someone else (a reason is then required,
 * and kept in the history). Supervisors within their team, admins anyone; or a team's agents in turn.
 */
export function AssignDialog({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const saved = useLeadSaved();
  const reassigning = lead.assigneeId !== null;
  const [target, setTarget] = useState<AssignTarget>({ to: 'user', userId: '', teamId: '' });
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const assign = useMutation({
    mutationFn: () => {
      const body = { ...(target.to === 'user' ? { userId: target.userId } : { teamId: target.teamId }), ...(reason.trim() ? { reason: reason.trim() } : {}) };
      return reassigning ? leadService.reassign(lead.id, body) : leadService.assign(lead.id, body);
    },
    onSuccess: (updated) => {
      saved(updated);
      onClose();
    },
  });
  const submit = () => {
    const problems = targetProblems(target, 'the lead');
    if (reassigning && !reason.trim()) problems.reason = 'Say why the lead changes hands';
    setMissing(problems);
    if (Object.keys(problems).length === 0) assign.mutate();
  };
  const serverField = (name: string) => fieldMessage(assign.error, name);
  return (
    <Dialog open onClose={assign.isPending ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{reassigning ? 'Reassign' : 'Assign'} {leadName(lead)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {reassigning && <DialogContentText>Now with {lead.assigneeName ?? 'someone who left'}.</DialogContentText>}
          <AssignTargetFields
            target={target}
            onChange={setTarget}
            exclude={lead.assigneeId}
            label="Assign to"
            reason={reason}
            onReason={setReason}
            reasonLabel={reassigning ? 'Reason' : 'Reason (optional)'}
            reasonHelp="Kept in the lead’s history"
            errors={{ userId: missing.userId ?? serverField('userId'), teamId: missing.teamId ?? serverField('teamId'), reason: missing.reason ?? serverField('reason') }}
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

/**
 * Every live lead of one person, e.g. one who leaves, to someone else or round robin over a team,
 * with a reason kept in each lead's history. Supervisors within their team, admins anyone.
 */
export function ReassignAllDialog({ from, onClose }: { from: { userId: string; name: string }; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<AssignTarget>({ to: 'user', userId: '', teamId: '' });
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const move = useMutation({
    mutationFn: () =>
      leadService.reassignAll({
        fromUserId: from.userId,
        ...(target.to === 'user' ? { toUserId: target.userId } : { toTeamId: target.teamId }),
        reason: reason.trim(),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: LEADS_KEY }),
  });
  const submit = () => {
    const problems = targetProblems(target, 'the leads');
    if (!reason.trim()) problems.reason = 'Say why the leads change hands';
    setMissing(problems);
    if (Object.keys(problems).length === 0) move.mutate();
  };
  const serverField = (name: string) => fieldMessage(move.error, name);
  const done = move.data;
  return (
    <Dialog open onClose={move.isPending ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>Reassign {from.name}’s leads</DialogTitle>
      <DialogContent>
        {done ? (
          <Alert severity="success" sx={{ mt: 1 }}>
            {done.reassigned === 0 ? `${from.name} had no leads to move.` : `${done.reassigned === 1 ? '1 lead' : `${done.reassigned.toLocaleString()} leads`} reassigned.`}
          </Alert>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <DialogContentText>Every lead {from.name} has now moves, for example when they leave. Each lead’s history keeps the reason.</DialogContentText>
            <AssignTargetFields
              target={target}
              onChange={setTarget}
              exclude={from.userId}
              label="Move them to"
              reason={reason}
              onReason={setReason}
              reasonLabel="Reason"
              reasonHelp="Kept in each lead’s history"
              errors={{ userId: missing.userId ?? serverField('toUserId'), teamId: missing.teamId ?? serverField('toTeamId'), reason: missing.reason ?? serverField('reason') }}
            />
            {move.isError && !serverField('reason') && !serverField('toUserId') && !serverField('toTeamId') && <Alert severity="error">{describeError(move.error)}</Alert>}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {done ? (
          <Button variant="contained" onClick={onClose}>Done</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={move.isPending}>Cancel</Button>
            <Button variant="contained" onClick={submit} disabled={move.isPending}>Reassign all</Button>
          </>
        )}
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
