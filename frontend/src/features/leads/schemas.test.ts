import { describe, expect, it } from 'vitest';
import type { CustomField } from '@/api/userService';
import * as recorded from '@/test/recordedLeadAnswers';
import type { Lead } from '@/api/leadService';
import {
  consentProblems,
  emptyLeadForm,
  leadFormSchema,
  leadToForm,
  leadToUpdateRequest,
  plausiblePhone,
  toCreateRequest,
  toUpdateRequest,
  type LeadForm,
} from './schemas';

const field = (over: Partial<CustomField>): CustomField => ({
  id: 'f1', entity: 'LEAD', key: 'referralPartner', label: 'Referral partner', type: 'TEXT', options: [], required: false, position: 0,
  createdAt: '2026-11-21T00:00:00Z', updatedAt: '2026-11-21T00:00:00Z', ...over,
});
const partner = field({});
const propertyType = field({ id: 'f2', key: 'propertyType', label: 'Property type', type: 'SELECT', options: ['Condo', 'Single family'], required: true, position: 1 });
const units = field({ id: 'f3', key: 'units', label: 'Units', type: 'NUMBER', position: 2 });
const fields = [partner, propertyType, units];

const NOW = Date.parse('2026-11-21T12:00:00Z');
const schema = leadFormSchema(fields, { now: () => NOW });
const valid = (over: Partial<LeadForm> = {}): LeadForm => ({
  ...emptyLeadForm(fields),
  firstName: 'Rita',
  customFields: { referralPartner: '', propertyType: 'Condo', units: '' },
  ...over,
});
const problems = (form: LeadForm) => {
  const result = schema.safeParse(form);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the lead form’s rules (lead-service’s, in its words)', () => {
  it('accepts a lead with just a name and its required custom field', () => {
    expect(problems(valid())).toEqual({});
  });

  it('needs a first or a last name, on the last name like the service', () => {
    expect(problems(valid({ firstName: ' ', lastName: '' }))).toEqual({ lastName: 'A lead needs a first or a last name' });
    expect(problems(valid({ firstName: '', lastName: 'Recorded' }))).toEqual({});
  });

  it('checks email, phone, amount and state as the service does', () => {
    expect(problems(valid({ email: 'rita@', phone: '555-01', loanAmount: '1.234', propertyState: 'ZZ' }))).toEqual({
      email: 'Not an email address',
      phone: 'Not a valid phone number; US numbers need 10 digits, others a +country code',
      loanAmount: 'The loan amount has at most 2 decimals (cents)',
      propertyState: 'Not a US state code (two letters, e.g. TX or DC)',
    });
    expect(problems(valid({ loanAmount: '$425,000.50', phone: '(214) 555-0134', propertyState: 'TX' }))).toEqual({});
    expect(problems(valid({ loanAmount: '-5' }))).toEqual({ loanAmount: 'The loan amount must not be negative' });
    expect(problems(valid({ loanAmount: '1000000000000' }))).toEqual({ loanAmount: 'The loan amount is too large' });
    expect(problems(valid({ firstName: 'x'.repeat(101) }))).toEqual({ firstName: 'At most 100 characters' });
  });

  it('is never stricter than libphonenumber about phone numbers', () => {
    expect(plausiblePhone('214-555-0134')).toBe(true);
    expect(plausiblePhone('1 (214) 555-0134')).toBe(true);
    expect(plausiblePhone('+44 20 7946 0958')).toBe(true);
    expect(plausiblePhone('214-555-0134 ext 12')).toBe(true);
    expect(plausiblePhone('555-0134')).toBe(false);
  });

  it('checks custom fields by their definition', () => {
    expect(problems(valid({ customFields: { referralPartner: 'x'.repeat(1001), propertyType: '', units: 'two' } }))).toEqual({
      'customFields.referralPartner': 'Referral partner must be text of at most 1000 characters',
      'customFields.propertyType': 'Property type is required',
      'customFields.units': 'Units must be a number',
    });
    expect(problems(valid({ customFields: { referralPartner: '', propertyType: 'Castle', units: '2' } }))).toEqual({
      'customFields.propertyType': 'Property type must be one of Condo, Single family',
    });
  });

  it('needs a reason for do-not-contact, and all of consent when recording it', () => {
    expect(problems(valid({ doNotContact: true }))).toEqual({ doNotContactReason: 'Say why the lead must not be contacted' });
    expect(problems(valid({ recordConsent: true }))).toEqual({
      'consent.givenAt': 'Say when consent was given',
      'consent.method': 'Say how consent was given',
      'consent.text': 'Record the consent text the lead was shown or read',
    });
    expect(consentProblems({ givenAt: '2026-11-22T12:00', method: 'WEB_FORM', text: 'I agree' }, NOW)).toEqual([
      { path: ['givenAt'], message: 'Consent cannot be given in the future' },
    ]);
  });
});

describe('the lead form as requests', () => {
  it('creates with blanks left out, tags cleaned, custom numbers as numbers', () => {
    const request = toCreateRequest(
      valid({ email: ' rita@example.com ', loanAmount: '$425,000', propertyState: 'tx', tags: ['Hot', 'hot', ' VIP '], customFields: { referralPartner: '', propertyType: 'Condo', units: '2' } }),
      fields,
    );
    expect(request).toEqual({
      firstName: 'Rita',
      email: 'rita@example.com',
      loanAmount: 425000,
      propertyState: 'TX',
      tags: ['hot', 'vip'],
      customFields: { propertyType: 'Condo', units: 2 },
      assigneeId: undefined,
      doNotContact: undefined,
      doNotContactReason: undefined,
      consent: undefined,
      lastName: undefined, phone: undefined, source: undefined, status: undefined, loanPurpose: undefined, creditBand: undefined, notes: undefined,
    });
  });

  it('updates with every field, the version read, and consent kept to the second', () => {
    const lead = recorded.lead as Lead;
    const definitions = [field({ key: 'referralPartner' }), field({ id: 'f2', key: 'propertyType', type: 'SELECT', options: ['Single family', 'Condo', 'Multi-family'] })];
    const request = toUpdateRequest(leadToForm(lead, definitions), lead, definitions);
    expect(request.version).toBe(lead.version);
    expect(request.consent).toEqual(lead.consent);
    expect(request.customFields).toEqual(lead.customFields);
    expect(request.tags).toEqual(lead.tags);
    expect(request.loanAmount).toBe(lead.loanAmount);
    expect(request.status).toBe(lead.status);
  });

  it('drops custom field values whose definition is gone (the service would refuse them)', () => {
    const lead = recorded.lead as Lead;
    expect(leadToUpdateRequest(lead, [partner]).customFields).toEqual({ referralPartner: lead.customFields.referralPartner });
  });

  it('records new consent over the lead as it is', () => {
    const lead = recorded.lead as Lead;
    const consent = { givenAt: '2026-11-21T10:00:00.000Z', method: 'RECORDED_CALL' as const, text: 'Yes, call me' };
    const request = leadToUpdateRequest(lead, [], { consent });
    expect(request).toMatchObject({ consent, version: lead.version, firstName: lead.firstName, email: lead.email });
  });
});
