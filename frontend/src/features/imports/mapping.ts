import type { ColumnHeader, MappedColumn, ProposedColumn } from '@/api/leadImports';
import type { CustomField } from '@/api/userService';

/** A lead field a column can fill: lead-service's ImportField names, or `customFields.<key>`. */
export interface ImportTarget {
  field: string;
  label: string;
  group: 'Lead' | 'Loan' | 'Assignment and consent' | 'Custom fields';
}

/** lead-service's ImportField, in its order, with what people call them. */
export const IMPORT_FIELDS: ImportTarget[] = [
  { field: 'firstName', label: 'First name', group: 'Lead' },
  { field: 'lastName', label: 'Last name', group: 'Lead' },
  { field: 'fullName', label: 'Full name (split into first and last)', group: 'Lead' },
  { field: 'email', label: 'Email', group: 'Lead' },
  { field: 'phone', label: 'Phone', group: 'Lead' },
  { field: 'source', label: 'Source', group: 'Lead' },
  { field: 'status', label: 'Status (pipeline stage)', group: 'Lead' },
  { field: 'notes', label: 'Notes', group: 'Lead' },
  { field: 'tags', label: 'Tags', group: 'Lead' },
  { field: 'loanPurpose', label: 'Loan purpose', group: 'Loan' },
  { field: 'loanAmount', label: 'Loan amount', group: 'Loan' },
  { field: 'propertyState', label: 'Property state', group: 'Loan' },
  { field: 'creditBand', label: 'Credit band', group: 'Loan' },
  { field: 'assignee', label: 'Assignee (email)', group: 'Assignment and consent' },
  { field: 'doNotContact', label: 'Do not contact', group: 'Assignment and consent' },
  { field: 'doNotContactReason', label: 'Do-not-contact reason', group: 'Assignment and consent' },
  { field: 'consentGivenAt', label: 'Consent date', group: 'Assignment and consent' },
  { field: 'consentMethod', label: 'Consent method', group: 'Assignment and consent' },
  { field: 'consentText', label: 'Consent text', group: 'Assignment and consent' },
];

const NAME_FIELDS = ['firstName', 'lastName', 'fullName'];

export function importTargets(customFields: CustomField[]): ImportTarget[] {
  return [
    ...IMPORT_FIELDS,
    ...customFields.map((f) => ({ field: `customFields.${f.key}`, label: f.label, group: 'Custom fields' as const })),
  ];
}

/** Column index -> field ('' = not imported), as the mapping step edits it. */
export type MappingDraft = Record<number, string>;

/** The service's proposal as a draft: every column, unmatched ones not imported. */
export function draftFromProposal(proposal: ProposedColumn[]): MappingDraft {
  return Object.fromEntries(proposal.map((p) => [p.column, p.field ?? '']));
}

/**
 * Gives a column a field. A field fills one column only (the service refuses a field mapped
 * twice), so the column that had it before is no longer imported.
 */
export function assignField(draft: MappingDraft, column: number, field: string): MappingDraft {
  const next: MappingDraft = { ...draft };
  if (field !== '') {
    for (const [other, value] of Object.entries(next)) if (value === field && Number(other) !== column) next[Number(other)] = '';
  }
  next[column] = field;
  return next;
}

/** What the service would refuse in a mapping, in the same words, before it is sent. */
export function mappingProblems(draft: MappingDraft, targets: ImportTarget[]): string[] {
  const problems: string[] = [];
  const used = Object.values(draft).filter((f) => f !== '');
  const known = new Set(targets.map((t) => t.field));
  for (const field of new Set(used)) {
    if (!known.has(field)) problems.push(`Unknown field '${field}'`);
    if (used.filter((f) => f === field).length > 1) problems.push(`'${field}' is mapped to two columns`);
  }
  if (!used.some((f) => NAME_FIELDS.includes(f))) {
    problems.push('Map a name column (first name, last name or full name): leads need one');
  }
  return problems;
}

/** The mapping the start request takes: mapped columns only, in column order. */
export function toMappedColumns(draft: MappingDraft): MappedColumn[] {
  return Object.entries(draft)
    .filter(([, field]) => field !== '')
    .map(([column, field]) => ({ column: Number(column), field }))
    .sort((a, b) => a.column - b.column);
}

/** Columns the import will leave out, by header, for the summary before starting. */
export function skippedHeaders(draft: MappingDraft, headers: ColumnHeader[]): string[] {
  return headers.filter((h) => (draft[h.column] ?? '') === '').map((h) => h.name ?? `Column ${h.letter}`);
}
