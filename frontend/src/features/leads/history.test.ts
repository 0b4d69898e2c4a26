import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@/api/leadService';
import * as recorded from '@/test/recordedLeadAnswers';
import { describeHistory } from './history';

const names: Record<string, string> = { a1: 'Dana', u1: 'Priya', u2: 'Tom' };
const context = { name: (id: string | null | undefined, known?: string | null) => (id ? (names[id] ?? known ?? 'A former user') : 'Someone'), customFieldLabel: (k: string) => (k === 'propertyType' ? 'Property type' : k) };
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: 'h1', action: 'UPDATED', field: null, oldValue: null, newValue: null, actorId: 'a1', actorName: null, reason: null, requestId: null,
  occurredAt: '2026-11-21T09:00:00Z', mergedFromLeadId: null, ...over,
});

describe('history in words', () => {
  it('tells stage moves, assignments and do-not-contact with their reasons', () => {
    expect(describeHistory(entry({ action: 'STATUS_CHANGED', field: 'status', oldValue: 'New', newValue: 'Contacted' }), context).title).toBe('Dana moved the lead from New to Contacted');
    expect(describeHistory(entry({ action: 'ASSIGNED', oldValue: null, newValue: 'u1' }), context)).toEqual({ title: 'Dana assigned the lead to Priya', detail: undefined });
    expect(describeHistory(entry({ action: 'ASSIGNED', oldValue: 'u1', newValue: 'u2', reason: 'Priya on leave' }), context)).toEqual({
      title: 'Dana reassigned the lead from Priya to Tom',
      detail: 'Reason: Priya on leave',
    });
    expect(describeHistory(entry({ action: 'DO_NOT_CONTACT_CHANGED', oldValue: false, newValue: true, reason: 'Asked to stop' }), context)).toEqual({
      title: 'Dana marked the lead do not contact',
      detail: 'Reason: Asked to stop',
    });
  });

  it('shows changed values readably: amounts, purposes, tags, custom fields', () => {
    expect(describeHistory(entry({ field: 'loanAmount', oldValue: 425000, newValue: 400000 }), context)).toEqual({ title: 'Dana changed the loan amount', detail: '$425,000 → $400,000' });
    expect(describeHistory(entry({ field: 'loanPurpose', oldValue: 'PURCHASE', newValue: 'CASH_OUT' }), context).detail).toBe('Purchase → Cash-out refinance');
    expect(describeHistory(entry({ field: 'tags', oldValue: ['hot', 'first-time'], newValue: ['hot', 'vip'] }), context).detail).toBe('added vip; removed first-time');
    expect(describeHistory(entry({ field: 'email', oldValue: null, newValue: 'rita@example.com' }), context).detail).toBe('nothing → “rita@example.com”');
    expect(describeHistory(entry({ field: 'customFields', oldValue: { propertyType: 'Condo' }, newValue: { propertyType: 'Single family', x: 1 } }), context).detail).toBe(
      'Property type: “Condo” → “Single family”; x: nothing → “1”',
    );
  });

  it('reads every entry recorded from the service', () => {
    for (const e of recorded.history.items) expect(describeHistory(e as HistoryEntry, context).title).not.toContain('undefined');
  });

  it('names an actor it does not know, and an action it does not know', () => {
    expect(describeHistory(entry({ action: 'CREATED', actorId: 'gone' }), context).title).toBe('A former user created the lead');
    expect(describeHistory(entry({ action: 'ARCHIVED' }), context).title).toBe('Dana: archived');
  });

  it('tells an imported lead with the file it came from', () => {
    expect(describeHistory(entry({ action: 'IMPORTED', reason: 'Imported from leads.xlsx; assigned by an assignment rule' }), context)).toEqual({
      title: 'Dana imported the lead',
      detail: 'Imported from leads.xlsx; assigned by an assignment rule',
    });
  });

  it('names an actor the user list does not hold by the name the service gave', () => {
    expect(describeHistory(entry({ action: 'CREATED', actorId: 'admin', actorName: 'Ada Admin' }), context).title).toBe('Ada Admin created the lead');
  });
});
