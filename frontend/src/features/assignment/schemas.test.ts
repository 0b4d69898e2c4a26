import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@/api/leadService';
import * as recorded from '@/test/recordedLeadAnswers';
import { describeMatch, newRule, rulesFormSchema, toFormPath, toRulesForm, toRulesUpdate, type RuleForm } from './schemas';

const set = recorded.rules as RuleSet;
const problems = (rules: RuleForm[]) => {
  const result = rulesFormSchema.safeParse({ timeZone: 'America/Chicago', rules });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('assignment rules', () => {
  it('round-trips the service’s rules through the form unchanged', () => {
    const form = toRulesForm(set);
    expect(form.rules[0]).toMatchObject({ name: 'Texas purchases', match: { states: ['TX'], loanPurposes: ['PURCHASE'], minLoanAmount: '100000', maxLoanAmount: '' }, dailyCapPerAgent: '20' });
    const update = toRulesUpdate(form);
    expect(update.timeZone).toBe('America/Chicago');
    expect(update.rules[0]).toEqual({
      id: set.rules[0]!.id,
      name: 'Texas purchases',
      enabled: true,
      match: { sources: [], states: ['TX'], loanPurposes: ['PURCHASE'], creditBands: [], minLoanAmount: 100000, maxLoanAmount: undefined },
      action: { type: 'TEAM_ROUND_ROBIN', teamId: set.rules[0]!.action.teamId },
      dailyCapPerAgent: 20,
    });
  });

  it('checks a rule as the service does', () => {
    expect(problems([newRule()])).toEqual({ 'rules.0.name': 'A rule needs a name', 'rules.0.action.teamId': 'Choose the team' });
    const rule: RuleForm = { ...newRule(), name: 'Big loans', action: { type: 'USER', userId: '', teamId: '' }, dailyCapPerAgent: '0', match: { ...newRule().match, minLoanAmount: '500000', maxLoanAmount: '100000' } };
    expect(problems([rule])).toEqual({
      'rules.0.action.userId': 'Choose who gets the leads',
      'rules.0.dailyCapPerAgent': 'A daily cap is between 1 and 10000',
      'rules.0.match.maxLoanAmount': 'Must not be below the minimum',
    });
  });

  it('sends a new rule without an id, and only the action’s own target', () => {
    const rule: RuleForm = { ...newRule(), name: ' Zillow ', match: { ...newRule().match, sources: ['Zillow'] }, action: { type: 'USER', userId: 'u1', teamId: 't-left-over' } };
    expect(toRulesUpdate({ timeZone: 'America/New_York', rules: [rule] }).rules[0]).toEqual({
      name: 'Zillow',
      enabled: true,
      match: { sources: ['Zillow'], states: [], loanPurposes: [], creditBands: [], minLoanAmount: undefined, maxLoanAmount: undefined },
      action: { type: 'USER', userId: 'u1' },
    });
  });

  it('puts the service’s field errors on the form’s fields, and describes criteria', () => {
    expect(toFormPath('rules[2].match.states')).toBe('rules.2.match.states');
    expect(describeMatch(newRule().match)).toBe('Every lead');
    expect(describeMatch(toRulesForm(set).rules[0]!.match)).toBe('Leads in TX, purchase, $100,000 and up');
    expect(describeMatch({ ...newRule().match, sources: ['Zillow', 'Referral'], creditBands: ['GOOD'], maxLoanAmount: '500000' })).toBe(
      'Leads from Zillow or Referral, good credit, up to $500,000',
    );
  });
});
