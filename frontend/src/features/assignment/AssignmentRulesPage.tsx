import { zodResolver } from '@hookform/resolvers/zod';
import Add from '@mui/icons-material/Add';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useController, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { leadService, type Agent, type RuleSet } from '@/api/leadService';
import { ApiError, describeError, fieldMessage } from '@/api/problem';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { FormTextField } from '@/components/form/FormTextField';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { CREDIT_BANDS, formatDateTime, LOAN_PURPOSES, US_STATES } from '@/features/leads/labels';
import { ReassignAllDialog } from '@/features/leads/LeadDialogs';
import { agentsQuery } from '@/features/leads/queries';
import { fromLocalInput, toLocalInput } from '@/features/leads/schemas';
import { teamsQuery } from '@/features/teams/queries';
import { ACTION_TYPES, describeMatch, newRule, rulesFormSchema, toFormPath, toRulesForm, toRulesUpdate, type RulesForm } from './schemas';

const rulesQuery = { queryKey: ['assignment', 'rules'], queryFn: () => leadService.rules() };
const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];

type ListPath = `rules.${number}.match.${'sources' | 'states' | 'loanPurposes' | 'creditBands'}`;

function ListField({ control, name, label, options, freeText = false }: { control: Control<RulesForm>; name: ListPath; label: string; options: { value: string; label: string }[]; freeText?: boolean }) {
  const { field, fieldState } = useController({ control, name });
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <Autocomplete
      multiple
      freeSolo={freeText}
      options={options.map((o) => o.value)}
      getOptionLabel={(v) => labels.get(v) ?? v}
      value={field.value}
      onChange={(_, next) => field.onChange([...new Set(next.map((v) => v.trim()).filter(Boolean))])}
      renderValue={(value, getItemProps) =>
        value.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={labels.get(option) ?? option} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField {...params} label={label} inputRef={field.ref} placeholder={field.value.length ? '' : 'Any'} error={fieldState.invalid} helperText={fieldState.error?.message} />
      )}
    />
  );
}

function RuleCard({ control, index, count, onMove, onRemove, agents }: { control: Control<RulesForm>; index: number; count: number; onMove: (to: number) => void; onRemove: () => void; agents: Agent[] }) {
  const teams = useQuery(teamsQuery);
  const rule = useWatch({ control, name: `rules.${index}` });
  const enabled = useController({ control, name: `rules.${index}.enabled` });
  const type = useController({ control, name: `rules.${index}.action.type` });
  const userId = useController({ control, name: `rules.${index}.action.userId` });
  const teamId = useController({ control, name: `rules.${index}.action.teamId` });
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 }, opacity: rule?.enabled === false ? 0.7 : 1 }} component="li" aria-label={`Rule ${index + 1}: ${rule?.name || 'unnamed'}`} data-testid="rule-card">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2, flexWrap: 'wrap' }}>
        <Chip size="small" label={`#${index + 1}`} />
        <Typography sx={{ flex: 1, minWidth: 160 }} color="text.secondary" variant="body2">{rule ? describeMatch(rule.match) : ''}</Typography>
        <FormControlLabel control={<Switch checked={enabled.field.value} onChange={(e) => enabled.field.onChange(e.target.checked)} />} label="On" />
        <IconButton aria-label={`Move rule ${index + 1} up`} disabled={index === 0} onClick={() => onMove(index - 1)}><ArrowUpward fontSize="small" /></IconButton>
        <IconButton aria-label={`Move rule ${index + 1} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}><ArrowDownward fontSize="small" /></IconButton>
        <IconButton aria-label={`Remove rule ${index + 1}`} onClick={onRemove}><DeleteOutlined fontSize="small" /></IconButton>
      </Box>
      <Stack spacing={2}>
        <FormTextField control={control} name={`rules.${index}.name`} label="Rule name" />
        <Typography sx={{ fontWeight: 600 }}>When a new lead has…</Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' } }}>
          <ListField control={control} name={`rules.${index}.match.sources`} label="Source" options={[]} freeText />
          <ListField control={control} name={`rules.${index}.match.states`} label="Property state" options={US_STATES.map((s) => ({ value: s, label: s }))} />
          <ListField control={control} name={`rules.${index}.match.loanPurposes`} label="Loan purpose" options={LOAN_PURPOSES} />
          <ListField control={control} name={`rules.${index}.match.creditBands`} label="Credit band" options={CREDIT_BANDS} />
          <FormTextField control={control} name={`rules.${index}.match.minLoanAmount`} label="Loan amount from (USD)" inputMode="decimal" />
          <FormTextField control={control} name={`rules.${index}.match.maxLoanAmount`} label="Loan amount up to (USD)" inputMode="decimal" helperText="Leads without an amount never match a range" />
        </Box>
        <Typography sx={{ fontWeight: 600 }}>…it goes to</Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } }}>
          <TextField select label="Assign to" value={type.field.value} onChange={type.field.onChange} inputRef={type.field.ref} helperText={ACTION_TYPES.find((a) => a.value === type.field.value)?.help}>
            {ACTION_TYPES.map((a) => <MenuItem key={a.value} value={a.value}>{a.label}</MenuItem>)}
          </TextField>
          {type.field.value === 'USER' ? (
            <TextField select label="Person" value={userId.field.value} onChange={userId.field.onChange} inputRef={userId.field.ref} error={userId.fieldState.invalid} helperText={userId.fieldState.error?.message}>
              {!agents.some((a) => a.active) && <MenuItem disabled value="">Nobody yet</MenuItem>}
              {agents.filter((a) => a.active).map((a) => <MenuItem key={a.userId} value={a.userId}>{a.name}</MenuItem>)}
            </TextField>
          ) : (
            <TextField select label="Team" value={teams.isSuccess ? teamId.field.value : ''} onChange={teamId.field.onChange} inputRef={teamId.field.ref} disabled={!teams.isSuccess} error={teamId.fieldState.invalid} helperText={teamId.fieldState.error?.message}>
              {!teams.data?.length && <MenuItem disabled value="">No teams</MenuItem>}
              {teams.data?.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
            </TextField>
          )}
          <FormTextField control={control} name={`rules.${index}.dailyCapPerAgent`} label="Daily cap per agent" inputMode="numeric" helperText="Blank: no cap" />
        </Box>
      </Stack>
    </Paper>
  );
}

function RulesEditor({ set, agents }: { set: RuleSet; agents: Agent[] }) {
  const queryClient = useQueryClient();
  const form = useForm<RulesForm>({ resolver: zodResolver(rulesFormSchema), defaultValues: toRulesForm(set) });
  const rules = useFieldArray({ control: form.control, name: 'rules', keyName: 'key' });
  const timeZone = useController({ control: form.control, name: 'timeZone' });
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await leadService.replaceRules(toRulesUpdate(values));
      queryClient.setQueryData(rulesQuery.queryKey, saved);
      form.reset(toRulesForm(saved));
      setMessage({ severity: 'success', text: 'Rules saved. New leads follow them from now on.' });
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      fieldErrors.forEach((f, i) => form.setError(toFormPath(f.field) as never, { type: 'server', message: f.message }, { shouldFocus: i === 0 }));
      setMessage({ severity: 'error', text: fieldErrors.length ? 'Some rules need fixing: see the highlighted fields.' : describeError(error) });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Assignment rules">
      <Stack spacing={2}>
        <Typography color="text.secondary">
          Rules are tried from the top; the first that matches a new lead and has an available agent (active, not away, under the daily cap) takes it.
          Leads no rule takes stay with the supervisor who created them, or unassigned.
        </Typography>
        <Autocomplete
          options={TIME_ZONES}
          value={timeZone.field.value}
          onChange={(_, v) => timeZone.field.onChange(v ?? '')}
          disableClearable
          sx={{ maxWidth: 360 }}
          renderInput={(params) => <TextField {...params} label="Days start at midnight in" inputRef={timeZone.field.ref} error={timeZone.fieldState.invalid} helperText={timeZone.fieldState.error?.message ?? 'For the daily caps'} />}
        />
        {rules.fields.length === 0 ? (
          <EmptyState title="No rules yet">Without rules, new leads stay with whoever created them (or unassigned, for admins).</EmptyState>
        ) : (
          <Stack spacing={2} component="ol" sx={{ p: 0, m: 0, listStyle: 'none' }}>
            {rules.fields.map((field, index) => (
              <RuleCard key={field.key} control={form.control} index={index} count={rules.fields.length} agents={agents} onMove={(to) => rules.move(index, to)} onRemove={() => rules.remove(index)} />
            ))}
          </Stack>
        )}
        {message && <Alert severity={message.severity}>{message.text}</Alert>}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button startIcon={<Add />} onClick={() => rules.append(newRule())} disabled={rules.fields.length >= 100}>Add rule</Button>
          <Button sx={{ ml: 'auto' }} onClick={() => { form.reset(toRulesForm(set)); setMessage(null); }} disabled={!form.formState.isDirty || form.formState.isSubmitting}>Discard changes</Button>
          <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>Save rules</Button>
        </Box>
      </Stack>
    </form>
  );
}

function PauseDialog({ agent, onClose }: { agent: Agent; onClose: () => void }) {
  const queryClient = useQueryClient();
  // Tomorrow, 9 in the morning.
  const [until, setUntil] = useState(() => {
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    tomorrow.setHours(9, 0, 0, 0);
    return toLocalInput(tomorrow.toISOString());
  });
  const [reason, setReason] = useState('');
  const pause = useMutation({
    mutationFn: () => leadService.pause(agent.userId, fromLocalInput(until), reason.trim() || undefined),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agentsQuery.queryKey });
      onClose();
    },
  });
  const untilError = fieldMessage(pause.error, 'until');
  return (
    <Dialog open onClose={pause.isPending ? undefined : onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{agent.name} is away</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">No automatic assignments until then. Their leads stay theirs.</Typography>
          <TextField label="Back on" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} error={Boolean(untilError)} helperText={untilError} />
          <TextField label="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 200 } }} />
          {pause.isError && !untilError && <Alert severity="error">{describeError(pause.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pause.isPending}>Cancel</Button>
        <Button variant="contained" onClick={() => pause.mutate()} disabled={pause.isPending || !until}>Pause</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Whether an agent takes new leads now, and if not, why. */
function AgentStatus({ agent }: { agent: Agent }) {
  if (!agent.active) return <Chip size="small" label="Deactivated" />;
  if (agent.paused) {
    return (
      <Box>
        <Chip size="small" color="warning" label={`Away until ${formatDateTime(agent.pausedUntil)}`} />
        {agent.pauseReason && <Typography variant="body2" color="text.secondary">{agent.pauseReason}</Typography>}
      </Box>
    );
  }
  return agent.roles.includes('AGENT') ? <Chip size="small" color="success" label="Taking leads" /> : <Chip size="small" variant="outlined" label="Not an agent" />;
}

function AgentsPanel({ agents }: { agents: Agent[] }) {
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery);
  const teamNames = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const [pausing, setPausing] = useState<Agent | null>(null);
  const [emptying, setEmptying] = useState<Agent | null>(null);
  const [onlyAgents, setOnlyAgents] = useState(true);
  const resume = useMutation({
    mutationFn: (agent: Agent) => leadService.resume(agent.userId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agentsQuery.queryKey }),
  });
  const shown = agents.filter((a) => !onlyAgents || a.roles.includes('AGENT')).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Paper variant="outlined" component="section" aria-label="Agents">
      <Box sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h3">Agents</Typography>
          <Typography variant="body2" color="text.secondary">Who takes new leads. Pause someone who is away; hand on the leads of someone who leaves.</Typography>
        </Box>
        <FormControlLabel control={<Checkbox checked={onlyAgents} onChange={(e) => setOnlyAgents(e.target.checked)} />} label="Agents only" />
      </Box>
      {resume.isError && <Alert severity="error" sx={{ mx: 2, mb: 1 }}>{describeError(resume.error)}</Alert>}
      {shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>Nobody yet. Add agents under Users.</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Agents">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Team</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Status</TableCell>
                <TableCell align="right" />
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((agent) => (
                <TableRow key={agent.userId} data-testid="agent-row">
                  <TableCell>
                    <Typography sx={{ fontWeight: 600, fontSize: 14 }}>{agent.name}</Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>{agent.email ?? ''}</Typography>
                    {/* On a phone the status goes under the name: the table has no room for its column. */}
                    <Box sx={{ display: { xs: 'block', sm: 'none' }, mt: 0.5 }}><AgentStatus agent={agent} /></Box>
                  </TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{agent.teamId ? (teamNames.get(agent.teamId) ?? '—') : '—'}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>
                    <AgentStatus agent={agent} />
                  </TableCell>
                  <TableCell align="right">
                    {/* Side by side where there is room, one above the other on a phone. */}
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={0.5} sx={{ alignItems: 'flex-end', justifyContent: 'flex-end' }}>
                      {agent.active && (agent.paused ? (
                        <Button size="small" onClick={() => resume.mutate(agent)} disabled={resume.isPending}>Resume</Button>
                      ) : (
                        <Button size="small" onClick={() => setPausing(agent)}>Pause</Button>
                      ))}
                      <Button size="small" sx={{ whiteSpace: 'nowrap' }} onClick={() => setEmptying(agent)} aria-label={`Reassign ${agent.name}’s leads`}>Reassign leads</Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {pausing && <PauseDialog agent={pausing} onClose={() => setPausing(null)} />}
      {emptying && <ReassignAllDialog from={emptying} onClose={() => setEmptying(null)} />}
    </Paper>
  );
}

/** Admins: the ordered rules that assign new leads, and the agents' availability. */
export function AssignmentRulesPage() {
  const rules = useQuery(rulesQuery);
  const agents = useQuery(agentsQuery);
  const agentList = useMemo(() => agents.data ?? [], [agents.data]);
  return (
    <>
      <PageHeader title="Assignment rules" subtitle="Who gets each new lead, automatically." />
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', xl: '3fr 2fr' }, alignItems: 'start' }}>
        <Box sx={{ minWidth: 0 }}>
          {rules.isPending ? (
            <LoadingState label="Loading rules" />
          ) : rules.isError ? (
            <ErrorState error={rules.error} onRetry={() => void rules.refetch()} title="Rules could not be loaded" />
          ) : (
            <RulesEditor set={rules.data} agents={agentList} />
          )}
        </Box>
        <Box sx={{ minWidth: 0 }}>
          {agents.isPending ? (
            <LoadingState label="Loading agents" />
          ) : agents.isError ? (
            <ErrorState error={agents.error} onRetry={() => void agents.refetch()} title="Agents could not be loaded" />
          ) : (
            <AgentsPanel agents={agentList} />
          )}
        </Box>
      </Box>
    </>
  );
}
