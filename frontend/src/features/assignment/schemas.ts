import { z } from 'zod';
import type { AssignmentActionType, AssignmentRule, CreditBand, LoanPurpose, RuleSet, RulesUpdate } from '@/api/leadService';

/** lead-service's AssignmentRules.validate, in its words. */
const amount = z.string().refine((v) => {
  const value = v.replace(/[$,\s]/g, '');
  return value === '' || (/^\d+(\.\d{1,2})?$/.test(value) && Number(value) >= 0);
}, 'Must not be negative, in dollars and cents');

export const ACTION_TYPES: { value: AssignmentActionType; label: string; help: string }[] = [
  { value: 'USER', label: 'One person', help: 'Every matching lead goes to this user.' },
  { value: 'TEAM_ROUND_ROBIN', label: 'A team, in turn', help: 'The team’s agents take turns.' },
  { value: 'TEAM_LEAST_OPEN', label: 'A team, least busy first', help: 'The team’s agent with the fewest open leads.' },
];

export const ruleSchema = z
  .object({
    id: z.string().optional(),
    name: z.string().trim().min(1, 'A rule needs a name').max(100, 'A rule needs a name of at most 100 characters'),
    enabled: z.boolean(),
    match: z.object({
      sources: z.array(z.string().trim().min(1).max(100, 'Sources are non-blank, at most 100 characters')),
      states: z.array(z.string()),
      loanPurposes: z.array(z.string()),
      creditBands: z.array(z.string()),
      minLoanAmount: amount,
      maxLoanAmount: amount,
    }),
    action: z.object({ type: z.enum(['USER', 'TEAM_ROUND_ROBIN', 'TEAM_LEAST_OPEN']), userId: z.string(), teamId: z.string() }),
    dailyCapPerAgent: z.string().refine((v) => v.trim() === '' || (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 10_000), 'A daily cap is between 1 and 10000'),
  })
  .superRefine((rule, ctx) => {
    if (rule.action.type === 'USER' && !rule.action.userId) ctx.addIssue({ code: 'custom', path: ['action', 'userId'], message: 'Choose who gets the leads' });
    if (rule.action.type !== 'USER' && !rule.action.teamId) ctx.addIssue({ code: 'custom', path: ['action', 'teamId'], message: 'Choose the team' });
    const min = rule.match.minLoanAmount.replace(/[$,\s]/g, '');
    const max = rule.match.maxLoanAmount.replace(/[$,\s]/g, '');
    if (min !== '' && max !== '' && Number(max) < Number(min)) ctx.addIssue({ code: 'custom', path: ['match', 'maxLoanAmount'], message: 'Must not be below the minimum' });
  });

export const rulesFormSchema = z.object({
  timeZone: z.string().min(1, 'Choose the time zone days are counted in'),
  rules: z.array(ruleSchema).max(100, 'At most 100 rules'),
});
export type RuleForm = z.infer<typeof ruleSchema>;
export type RulesForm = z.infer<typeof rulesFormSchema>;

export const newRule = (): RuleForm => ({
  name: '',
  enabled: true,
  match: { sources: [], states: [], loanPurposes: [], creditBands: [], minLoanAmount: '', maxLoanAmount: '' },
  action: { type: 'TEAM_ROUND_ROBIN', userId: '', teamId: '' },
  dailyCapPerAgent: '',
});

const text = (n: number | null) => (n === null ? '' : String(n));

export function toRulesForm(set: RuleSet): RulesForm {
  return {
    timeZone: set.timeZone,
    rules: set.rules.map((r: AssignmentRule) => ({
      id: r.id,
      name: r.name,
      enabled: r.enabled,
      match: {
        sources: r.match.sources,
        states: r.match.states,
        loanPurposes: r.match.loanPurposes,
        creditBands: r.match.creditBands,
        minLoanAmount: text(r.match.minLoanAmount ?? null),
        maxLoanAmount: text(r.match.maxLoanAmount ?? null),
      },
      action: { type: r.action.type, userId: r.action.userId ?? '', teamId: r.action.teamId ?? '' },
      dailyCapPerAgent: text(r.dailyCapPerAgent),
    })),
  };
}

const amountToApi = (v: string) => {
  const value = v.replace(/[$,\s]/g, '');
  return value === '' ? undefined : Number(value);
};

/** The PUT body: every rule in order; a rule keeps its id (and its round-robin turn). */
export function toRulesUpdate(form: RulesForm): RulesUpdate {
  return {
    timeZone: form.timeZone,
    rules: form.rules.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      name: r.name.trim(),
      enabled: r.enabled,
      match: {
        sources: r.match.sources,
        states: r.match.states,
        loanPurposes: r.match.loanPurposes as LoanPurpose[],
        creditBands: r.match.creditBands as CreditBand[],
        minLoanAmount: amountToApi(r.match.minLoanAmount),
        maxLoanAmount: amountToApi(r.match.maxLoanAmount),
      },
      action: r.action.type === 'USER' ? { type: 'USER', userId: r.action.userId } : { type: r.action.type, teamId: r.action.teamId },
      ...(r.dailyCapPerAgent.trim() ? { dailyCapPerAgent: Number(r.dailyCapPerAgent) } : {}),
    })),
  };
}

/** `rules[2].match.states` (the service's field path) as the form's `rules.2.match.states`. */
export const toFormPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/** A rule's criteria in a sentence, for the rule's header: "Leads in TX, purchase, $100,000 and up". */
export function describeMatch(match: RuleForm['match']): string {
  const dollars = (v: string) => {
    const n = Number(v.replace(/[$,\s]/g, ''));
    return Number.isFinite(n) ? `$${n.toLocaleString('en-US')}` : v;
  };
  const parts: string[] = [];
  if (match.sources.length) parts.push(`from ${match.sources.join(' or ')}`);
  if (match.states.length) parts.push(`in ${match.states.join(', ')}`);
  if (match.loanPurposes.length) parts.push(match.loanPurposes.map((p) => p.toLowerCase().replace('_', '-')).join(' or '));
  if (match.creditBands.length) parts.push(`${match.creditBands.map((b) => b.toLowerCase()).join(' or ')} credit`);
  if (match.minLoanAmount && match.maxLoanAmount) parts.push(`${dollars(match.minLoanAmount)}–${dollars(match.maxLoanAmount)}`);
  else if (match.minLoanAmount) parts.push(`${dollars(match.minLoanAmount)} and up`);
  else if (match.maxLoanAmount) parts.push(`up to ${dollars(match.maxLoanAmount)}`);
  return parts.length ? `Leads ${parts.join(', ')}` : 'Every lead';
}
