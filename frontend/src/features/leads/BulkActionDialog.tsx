import {
  Alert,
  Autocomplete,
  Button,
  Chip,
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
import { leadService, type BulkAction, type BulkRequest, type BulkResult, type LeadFilterQuery } from '@/api/leadService';
import { describeError } from '@/api/problem';
import { teamsQuery } from '@/features/teams/queries';
import { BULK_ACTIONS } from './labels';
import { LEADS_KEY, stagesQuery, useAssignableUsers } from './queries';

/** Which leads: the ones ticked, or every lead matching the list's filters. */
export type BulkTarget = { ids: string[] } | { filter: LeadFilterQuery; loaded: number; more: boolean };

const plural = (n: number) => `${n} lead${n === 1 ? '' : 's'}`;

export function describeTarget(target: BulkTarget): string {
  if ('ids' in target) return `the ${plural(target.ids.length)} you selected`;
  return target.more ? `every lead matching the filters (more than the ${target.loaded} shown)` : `every lead matching the filters (${plural(target.loaded)})`;
}

/** The server's count, in words: how many it selected and how many it changed. */
export function describeResult(result: BulkResult): string {
  const verb: Record<BulkAction, string> = {
    ASSIGN: 'assigned',
    CHANGE_STATUS: 'moved',
    ADD_TAGS: 'tagged',
    REMOVE_TAGS: 'untagged',
    DELETE: 'deleted',
  };
  const changed = `${plural(result.changed)} ${verb[result.action]}`;
  return result.changed === result.matched
    ? `Done: ${changed}.`
    : `Done: ${changed} of ${result.matched} selected (the others needed no change).`;
}

/**
 * One action on many leads, confirmed first: what it does and to how many. lead-service applies it
 * in one transaction to the leads the user can see, and answers how many it matched and changed.
 */
export function BulkActionDialog({ action, target, onClose, onDone }: { action: BulkAction; target: BulkTarget; onClose: () => void; onDone: (result: BulkResult) => void }) {
  const queryClient = useQueryClient();
  const [assignTo, setAssignTo] = useState<'user' | 'team'>('user');
  const [userId, setUserId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [status, setStatus] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const stages = useQuery({ ...stagesQuery, enabled: action === 'CHANGE_STATUS' });
  const teams = useQuery({ ...teamsQuery, enabled: action === 'ASSIGN' });
  const { assignable } = useAssignableUsers();

  const run = useMutation({
    mutationFn: (body: BulkRequest) => leadService.bulk(body),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      onDone(result);
    },
  });

  const submit = () => {
    const body: BulkRequest = { action, ...('ids' in target ? { ids: target.ids } : { filter: target.filter }) };
    if (action === 'ASSIGN') {
      if (assignTo === 'user' && !userId) return setMissing('Choose who gets the leads');
      if (assignTo === 'team' && !teamId) return setMissing('Choose the team whose agents take turns');
      Object.assign(body, assignTo === 'user' ? { assigneeId: userId } : { teamId }, reason.trim() ? { reason: reason.trim() } : {});
    } else if (action === 'CHANGE_STATUS') {
      if (!status) return setMissing('Choose the stage');
      body.status = status;
    } else if (action === 'ADD_TAGS' || action === 'REMOVE_TAGS') {
      if (tags.length === 0) return setMissing('Name at least one tag');
      body.tags = tags;
    }
    setMissing(null);
    run.mutate(body);
  };

  const label = BULK_ACTIONS.find((a) => a.value === action)!.label;
  return (
    <Dialog open onClose={run.isPending ? undefined : onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{label}: {'ids' in target ? plural(target.ids.length) : 'all matching leads'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>
            {action === 'DELETE'
              ? `Delete ${describeTarget(target)}? Admins can restore deleted leads for 30 days.`
              : `This applies to ${describeTarget(target)}, as one change.`}
          </DialogContentText>
          {action === 'ASSIGN' && (
            <>
              <ToggleButtonGroup exclusive size="small" value={assignTo} onChange={(_, v) => v && setAssignTo(v)} aria-label="A person or a team">
                <ToggleButton value="user">A person</ToggleButton>
                <ToggleButton value="team">A team, in turn</ToggleButton>
              </ToggleButtonGroup>
              {assignTo === 'user' ? (
                <TextField select label="Assign to" value={userId} onChange={(e) => setUserId(e.target.value)}>
                  {assignable.length === 0 && <MenuItem disabled value="">Nobody to assign to</MenuItem>}
                  {assignable.map((a) => <MenuItem key={a.userId} value={a.userId}>{a.name}</MenuItem>)}
                </TextField>
              ) : (
                <TextField select label="Team" value={teams.isSuccess ? teamId : ''} onChange={(e) => setTeamId(e.target.value)} disabled={!teams.isSuccess}>
                  {!teams.data?.length && <MenuItem disabled value="">No teams</MenuItem>}
                  {teams.data?.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
                </TextField>
              )}
              <TextField label="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
            </>
          )}
          {action === 'CHANGE_STATUS' && (
            <TextField select label="Move to stage" value={stages.isSuccess ? status : ''} onChange={(e) => setStatus(e.target.value)} disabled={!stages.isSuccess}>
              {!stages.data?.length && <MenuItem disabled value="">Loading stages…</MenuItem>}
              {stages.data?.map((s) => <MenuItem key={s.id} value={s.name}>{s.name}</MenuItem>)}
            </TextField>
          )}
          {(action === 'ADD_TAGS' || action === 'REMOVE_TAGS') && (
            <Autocomplete
              multiple
              freeSolo
              options={[] as string[]}
              value={tags}
              onChange={(_, next) => setTags([...new Set(next.map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20))}
              renderValue={(value, getItemProps) =>
                value.map((option, index) => {
                  const { key, ...itemProps } = getItemProps({ index });
                  return <Chip key={key} size="small" label={option} {...itemProps} />;
                })
              }
              renderInput={(params) => <TextField {...params} label="Tags" placeholder="Type a tag and press Enter" helperText="At most 20 at once" />}
            />
          )}
          {missing && <Alert severity="warning">{missing}</Alert>}
          {run.isError && <Alert severity="error">{describeError(run.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={run.isPending}>Cancel</Button>
        <Button variant="contained" color={action === 'DELETE' ? 'error' : 'primary'} onClick={submit} disabled={run.isPending}>
          {label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
