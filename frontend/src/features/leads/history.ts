import type { CreditBand, HistoryEntry, JsonValue, LoanPurpose } from '@/api/leadService';
import { consentMethodLabel, creditBandLabel, loanPurposeLabel, money } from './labels';

const FIELD_LABELS: Record<string, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  phone: 'phone',
  source: 'source',
  loanPurpose: 'loan purpose',
  loanAmount: 'loan amount',
  propertyState: 'property state',
  creditBand: 'credit band',
  notes: 'notes',
  tags: 'tags',
  customFields: 'custom fields',
  consent: 'TCPA consent',
};

export interface HistoryText {
  /** "Pat moved the lead from New to Contacted" */
  title: string;
  /** More about it: the values, the reason. */
  detail?: string;
}

interface Context {
  /** A user's name by id ("You" for the signed-in user); `known` is the name the service gave. */
  name: (id: string | null | undefined, known?: string | null) => string;
  /** A custom field's label by key. */
  customFieldLabel?: (key: string) => string;
}

function plain(field: string | null, value: JsonValue): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return 'nothing';
  if (field === 'loanAmount' && typeof value === 'number') return money(value);
  if (field === 'loanPurpose' && typeof value === 'string') return loanPurposeLabel(value as LoanPurpose);
  if (field === 'creditBand' && typeof value === 'string') return creditBandLabel(value as CreditBand);
  if (field === 'consent' && typeof value === 'object' && !Array.isArray(value)) {
    const method = typeof value.method === 'string' ? consentMethodLabel(value.method as never) : 'recorded';
    return `${method}${typeof value.givenAt === 'string' ? ` on ${new Date(value.givenAt).toLocaleDateString()}` : ''}`;
  }
  if (Array.isArray(value)) return value.map((v) => plain(null, v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = String(value);
  return text.length > 80 ? `“${text.slice(0, 77)}…”` : `“${text}”`;
}

function listChange(before: JsonValue, after: JsonValue): string {
  const a = Array.isArray(before) ? before.map(String) : [];
  const b = Array.isArray(after) ? after.map(String) : [];
  const added = b.filter((t) => !a.includes(t));
  const removed = a.filter((t) => !b.includes(t));
  return [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}

function customFieldChange(before: JsonValue, after: JsonValue, label: (key: string) => string): string {
  const a = before && typeof before === 'object' && !Array.isArray(before) ? before : {};
  const b = after && typeof after === 'object' && !Array.isArray(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return keys.map((k) => `${label(k)}: ${plain(null, a[k] ?? null)} → ${plain(null, b[k] ?? null)}`).join('; ');
}

/** One history entry in words. */
export function describeHistory(entry: HistoryEntry, { name, customFieldLabel = (k) => k }: Context): HistoryText {
  const who = name(entry.actorId, entry.actorName);
  const reason = entry.reason ? `Reason: ${entry.reason}` : undefined;
  const merged = entry.mergedFromLeadId ? ' (on the duplicate merged into this lead)' : '';
  switch (entry.action) {
    case 'CREATED':
      return { title: `${who} created the lead${merged}` };
    case 'IMPORTED':
      // The reason names the file and how the lead was assigned.
      return { title: `${who} imported the lead${merged}`, detail: entry.reason ?? undefined };
    case 'STATUS_CHANGED':
      return {
        title: `${who} moved the lead from ${String(entry.oldValue ?? '—')} to ${String(entry.newValue ?? '—')}${merged}`,
        detail: reason,
      };
    case 'ASSIGNED': {
      const to = typeof entry.newValue === 'string' ? name(entry.newValue) : 'nobody';
      const title =
        typeof entry.oldValue === 'string'
          ? `${who} reassigned the lead from ${name(entry.oldValue)} to ${to}`
          : `${who} assigned the lead to ${to}`;
      return { title: title + merged, detail: reason };
    }
    case 'DO_NOT_CONTACT_CHANGED':
      return {
        title: entry.newValue === true ? `${who} marked the lead do not contact` : `${who} cleared do not contact`,
        detail: reason,
      };
    case 'UPDATED': {
      const field = entry.field ?? '';
      const label = FIELD_LABELS[field] ?? field;
      let detail: string;
      if (field === 'tags') detail = listChange(entry.oldValue, entry.newValue);
      else if (field === 'customFields') detail = customFieldChange(entry.oldValue, entry.newValue, customFieldLabel);
      else detail = `${plain(field, entry.oldValue)} → ${plain(field, entry.newValue)}`;
      return { title: `${who} changed the ${label}${merged}`, detail: [detail, reason].filter(Boolean).join(' · ') || undefined };
    }
    case 'DELETED':
      return { title: `${who} deleted the lead`, detail: reason };
    case 'RESTORED':
      return { title: `${who} restored the lead`, detail: reason };
    case 'MERGED':
      return { title: `${who} merged a duplicate into this lead`, detail: reason };
    case 'MERGED_INTO':
      return { title: `${who} merged this lead into another`, detail: reason };
    default:
      return { title: `${who}: ${entry.action.toLowerCase().replace(/_/g, ' ')}`, detail: reason };
  }
}
