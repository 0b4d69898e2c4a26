import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  MenuItem,
  Paper,
  TextField,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { CreditBand, LoanPurpose } from '@/api/leadService';
import { useAuth } from '@/auth/AuthProvider';
import { teamsQuery } from '@/features/teams/queries';
import { EMPTY_FILTERS, type DncFilter, type LeadFilters } from './filters';
import { CREDIT_BANDS, LOAN_PURPOSES, US_STATES } from './labels';
import { stagesQuery, useAssignableUsers } from './queries';

const multiSelect = <T extends string>(labelOf: (value: T) => string) => ({
  select: {
    multiple: true,
    displayEmpty: true,
    renderValue: (selected: unknown) => {
      const values = selected as T[];
      return values.length === 0 ? 'Any' : values.map(labelOf).join(', ');
    },
  },
  inputLabel: { shrink: true },
});

/** Free-text values as chips: sources and tags. */
function ChipsInput({ label, values, onChange, lowerCase = false }: { label: string; values: string[]; onChange: (values: string[]) => void; lowerCase?: boolean }) {
  return (
    <Autocomplete
      multiple
      freeSolo
      options={[] as string[]}
      value={values}
      onChange={(_, next) => onChange([...new Set(next.map((v) => (lowerCase ? v.trim().toLowerCase() : v.trim())).filter(Boolean))])}
      renderValue={(value, getItemProps) =>
        value.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option} {...itemProps} />;
        })
      }
      renderInput={(params) => <TextField {...params} label={label} placeholder={values.length ? '' : 'Type and press Enter'} />}
    />
  );
}

/**
 * The list's filters. Every change goes to the page's query string at once (and so to the
 * service); what is not the user's to filter on is not offered (agents see only their leads, so
 * no assignee; a supervisor sees their own team, so no team; unassigned leads are visible to admins
 * only).
 */
export function LeadFiltersPanel({ filters, onChange }: { filters: LeadFilters; onChange: (filters: LeadFilters) => void }) {
  const { user } = useAuth();
  const admin = user?.roles.includes('ADMIN') ?? false;
  const stages = useQuery(stagesQuery);
  const teams = useQuery({ ...teamsQuery, enabled: admin });
  const { assignable, manager } = useAssignableUsers();
  const set = <K extends keyof LeadFilters>(key: K, value: LeadFilters[K]) => onChange({ ...filters, [key]: value });
  const names = new Map(assignable.map((a) => [a.userId, a.name]));

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="section" aria-label="Filters">
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' } }}>
        <TextField
          select
          label="Status"
          value={filters.status}
          onChange={(e) => set('status', e.target.value as unknown as string[])}
          slotProps={multiSelect<string>((v) => v)}
          disabled={!stages.isSuccess}
        >
          {!stages.data?.length && <MenuItem disabled value="">Loading stages…</MenuItem>}
          {stages.data?.map((s) => (
            <MenuItem key={s.id} value={s.name}>
              <Checkbox size="small" checked={filters.status.includes(s.name)} sx={{ p: 0, mr: 1 }} />
              {s.name}
            </MenuItem>
          ))}
        </TextField>
        {manager && (
          <TextField
            select
            label="Assignee"
            value={filters.assigneeId}
            onChange={(e) => set('assigneeId', e.target.value as unknown as string[])}
            slotProps={multiSelect<string>((id) => names.get(id) ?? 'Former user')}
          >
            {assignable.length === 0 && <MenuItem disabled value="">Nobody to choose yet</MenuItem>}
            {assignable.map((a) => (
              <MenuItem key={a.userId} value={a.userId}>
                <Checkbox size="small" checked={filters.assigneeId.includes(a.userId)} sx={{ p: 0, mr: 1 }} />
                {a.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        {admin && (
          <TextField
            select
            label="Team"
            value={filters.teamId}
            onChange={(e) => set('teamId', e.target.value)}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">Any</MenuItem>
            {teams.data?.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
            {filters.teamId && !teams.data?.some((t) => t.id === filters.teamId) && (
              <MenuItem value={filters.teamId}>{teams.isPending ? 'Loading teams…' : 'A removed team'}</MenuItem>
            )}
          </TextField>
        )}
        <ChipsInput label="Source" values={filters.source} onChange={(v) => set('source', v)} />
        <TextField
          select
          label="Property state"
          value={filters.state}
          onChange={(e) => set('state', e.target.value as unknown as string[])}
          slotProps={multiSelect<string>((v) => v)}
        >
          {US_STATES.map((s) => (
            <MenuItem key={s} value={s} dense>
              <Checkbox size="small" checked={filters.state.includes(s)} sx={{ p: 0, mr: 1 }} />
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Loan purpose"
          value={filters.loanPurpose}
          onChange={(e) => set('loanPurpose', e.target.value as unknown as LoanPurpose[])}
          slotProps={multiSelect<LoanPurpose>((v) => LOAN_PURPOSES.find((p) => p.value === v)?.label ?? v)}
        >
          {LOAN_PURPOSES.map((p) => (
            <MenuItem key={p.value} value={p.value}>
              <Checkbox size="small" checked={filters.loanPurpose.includes(p.value)} sx={{ p: 0, mr: 1 }} />
              {p.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Credit band"
          value={filters.creditBand}
          onChange={(e) => set('creditBand', e.target.value as unknown as CreditBand[])}
          slotProps={multiSelect<CreditBand>((v) => CREDIT_BANDS.find((b) => b.value === v)?.label ?? v)}
        >
          {CREDIT_BANDS.map((b) => (
            <MenuItem key={b.value} value={b.value}>
              <Checkbox size="small" checked={filters.creditBand.includes(b.value)} sx={{ p: 0, mr: 1 }} />
              {b.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Created from"
          type="date"
          value={filters.createdFrom}
          onChange={(e) => set('createdFrom', e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Created to"
          type="date"
          value={filters.createdTo}
          onChange={(e) => set('createdTo', e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: filters.createdFrom || undefined } }}
          helperText="Including this day"
        />
        <ChipsInput label="Tags (all of them)" values={filters.tags} onChange={(v) => set('tags', v)} lowerCase />
        <TextField
          select
          label="Do not contact"
          value={filters.doNotContact}
          onChange={(e) => set('doNotContact', e.target.value as DncFilter)}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Any</MenuItem>
          <MenuItem value="yes">Only do-not-contact</MenuItem>
          <MenuItem value="no">Only contactable</MenuItem>
        </TextField>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 1.5 }}>
        {admin && (
          <FormControlLabel
            control={<Checkbox checked={filters.unassigned} onChange={(e) => set('unassigned', e.target.checked)} />}
            label="Unassigned only"
          />
        )}
        {admin && (
          <FormControlLabel
            control={<Checkbox checked={filters.deleted} onChange={(e) => set('deleted', e.target.checked)} />}
            label="Deleted leads (restorable for 30 days)"
          />
        )}
        {manager && (
          <FormControlLabel
            control={<Checkbox checked={filters.needsReassignment} onChange={(e) => set('needsReassignment', e.target.checked)} />}
            label="Assignee left (needs reassignment)"
          />
        )}
        <Button sx={{ ml: 'auto' }} onClick={() => onChange({ ...EMPTY_FILTERS, q: filters.q, sort: filters.sort, direction: filters.direction })}>
          Clear filters
        </Button>
      </Box>
    </Paper>
  );
}
