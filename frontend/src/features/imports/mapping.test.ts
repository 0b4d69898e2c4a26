import { describe, expect, it } from 'vitest';
import type { ImportJob } from '@/api/leadImports';
import type { CustomField } from '@/api/userService';
import * as recorded from '@/test/recordedLeadAnswers';
import { assignField, draftFromProposal, IMPORT_FIELDS, importTargets, mappingProblems, skippedHeaders, toMappedColumns } from './mapping';

const job = recorded.importJob as ImportJob;
const referral = { key: 'referralPartner', label: 'Referral partner' } as CustomField;
const targets = importTargets([referral]);

describe('the column mapping', () => {
  it('starts from the service’s proposal: matched columns filled, the others not imported', () => {
    const draft = draftFromProposal(job.proposedMapping);
    expect(draft).toEqual({ 0: 'firstName', 1: 'lastName', 2: 'email', 3: 'phone', 4: 'source', 5: 'loanAmount', 6: 'propertyState', 7: '' });
    expect(skippedHeaders(draft, job.headers)).toEqual(['Favourite colour']);
  });

  it('offers the import’s fields and the tenant’s custom fields', () => {
    expect(IMPORT_FIELDS.map((f) => f.field)).toContain('fullName');
    expect(targets.at(-1)).toEqual({ field: 'customFields.referralPartner', label: 'Referral partner', group: 'Custom fields' });
  });

  it('moves a field to the column it is given: a field fills one column', () => {
    const draft = assignField(draftFromProposal(job.proposedMapping), 7, 'source');
    expect(draft[7]).toBe('source');
    expect(draft[4]).toBe('');
    expect(assignField(draft, 7, '')[7]).toBe('');
  });

  it('asks for a name column, in the service’s words', () => {
    expect(mappingProblems({ 0: 'email', 1: '' }, targets)).toEqual(['Map a name column (first name, last name or full name): leads need one']);
    expect(mappingProblems({ 0: 'fullName', 1: 'customFields.referralPartner' }, targets)).toEqual([]);
    expect(mappingProblems({ 0: 'lastName', 1: 'lastName', 2: 'customFields.gone' }, targets)).toEqual([
      "'lastName' is mapped to two columns",
      "Unknown field 'customFields.gone'",
    ]);
  });

  it('sends mapped columns only, in column order', () => {
    expect(toMappedColumns({ 3: 'email', 0: 'fullName', 1: '' })).toEqual([
      { column: 0, field: 'fullName' },
      { column: 3, field: 'email' },
    ]);
  });
});
