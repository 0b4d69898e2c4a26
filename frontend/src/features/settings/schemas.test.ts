import { describe, expect, it } from 'vitest';
import type { FeatureFlag, TenantSettings } from '@/api/userService';
import { actionLabel, actorLabel, summariseDetails } from './audit';
import { flagLabel, parseIntegerFlag } from './flags';
import { customFieldSchema, parseOptions, tenantSettingsSchema, toTenantSettingsForm, toTenantSettingsRequest } from './schemas';

const errors = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

const saved: TenantSettings = {
  companyName: 'Summit Mortgage',
  legalName: null,
  nmlsId: '123456',
  phone: null,
  email: null,
  website: null,
  address: { line1: null, line2: null, city: 'Dallas', state: 'TX', postalCode: null },
  timeZone: 'America/Chicago',
  locale: 'en-US',
  branding: { logoUrl: null, primaryColor: '#0066FF' },
  version: 4,
  updatedAt: '2026-01-02T03:04:05Z',
  updatedBy: 'u1',
};

describe('tenant settings form', () => {
  it('round-trips: blanks are left out (cleared) and the loaded version goes back for the lock', () => {
    const form = toTenantSettingsForm(saved);
    expect(form.legalName).toBe('');
    const request = toTenantSettingsRequest({ ...form, address: { ...form.address, state: 'tx' }, branding: { ...form.branding, primaryColor: '#16a34a' } }, saved.version);
    expect(request).toMatchObject({
      companyName: 'Summit Mortgage',
      nmlsId: '123456',
      address: { city: 'Dallas', state: 'TX' },
      branding: { primaryColor: '#16A34A' },
      version: 4,
    });
    // On the wire, blanks are absent rather than null (the request's document admits no nulls).
    expect(JSON.parse(JSON.stringify(request))).toEqual({
      companyName: 'Summit Mortgage',
      nmlsId: '123456',
      address: { city: 'Dallas', state: 'TX' },
      timeZone: 'America/Chicago',
      locale: 'en-US',
      branding: { primaryColor: '#16A34A' },
      version: 4,
    });
  });

  it('accepts empty optional fields', () => {
    expect(tenantSettingsSchema.safeParse(toTenantSettingsForm(saved)).success).toBe(true);
  });

  it('explains invalid values beside their fields, with the server\'s wording', () => {
    const form = toTenantSettingsForm(saved);
    const result = tenantSettingsSchema.safeParse({
      ...form,
      nmlsId: 'NMLS-1',
      website: 'http://summit.test',
      address: { ...form.address, state: 'Texas', postalCode: '7520' },
      branding: { logoUrl: 'ftp://x', primaryColor: 'blue' },
    });
    expect(errors(result)).toEqual({
      nmlsId: 'NMLS id must be the digits of the NMLS number',
      website: 'Website must be an https:// address',
      'address.state': 'State must be a two-letter state code such as TX',
      'address.postalCode': 'Postal code must be a ZIP code such as 75201 or 75201-1234',
      'branding.logoUrl': 'Logo URL must be an https:// address',
      'branding.primaryColor': 'Primary colour must be a hex colour such as #0066FF',
    });
  });
});

describe('custom field form', () => {
  const valid = { key: 'loanPurpose', label: 'Loan purpose', type: 'SELECT' as const, options: 'Purchase\nRefinance\n', required: true, position: 0 };

  it('accepts a choice list with options, one per line', () => {
    expect(customFieldSchema.safeParse(valid).success).toBe(true);
    expect(parseOptions(' Purchase \n\nRefinance\n')).toEqual(['Purchase', 'Refinance']);
  });

  it('needs options for a choice list, each once', () => {
    expect(errors(customFieldSchema.safeParse({ ...valid, options: '  ' }))).toEqual({ options: 'A choice list needs at least one option' });
    expect(errors(customFieldSchema.safeParse({ ...valid, options: 'A\nA' }))).toEqual({ options: 'Each option may appear only once' });
  });

  it('follows the key rule of user-service', () => {
    expect(customFieldSchema.safeParse({ ...valid, key: 'LoanPurpose' }).success).toBe(false);
    expect(customFieldSchema.safeParse({ ...valid, key: 'loan_purpose2' }).success).toBe(true);
  });

  it('refuses a position outside 0..10000', () => {
    expect(errors(customFieldSchema.safeParse({ ...valid, position: -1 }))).toEqual({ position: 'Position must not be negative' });
  });
});

describe('feature flags', () => {
  const maxUsers = { key: 'maxUsers', type: 'INTEGER', value: 25, defaultValue: 25, description: '', minimum: 1, maximum: 10000, overridden: false } as FeatureFlag;

  it('reads keys as words', () => {
    expect(flagLabel('roundRobinAssignment')).toBe('Round robin assignment');
    expect(flagLabel('smsCampaigns')).toBe('SMS campaigns');
    expect(flagLabel('aiCoaching')).toBe('AI coaching');
  });

  it('checks whole numbers against the flag range', () => {
    expect(parseIntegerFlag(maxUsers, ' 40 ')).toEqual({ value: 40 });
    expect(parseIntegerFlag(maxUsers, '0')).toEqual({ error: 'At least 1' });
    expect(parseIntegerFlag(maxUsers, '2.5')).toEqual({ error: 'Enter a whole number' });
  });
});

describe('audit entries', () => {
  it('reads actions and changes in words', () => {
    expect(actionLabel('TENANT_SETTINGS_CHANGED')).toBe('Tenant settings changed');
    expect(summariseDetails({ changes: { timeZone: { old: 'America/New_York', new: 'America/Chicago' }, legalName: { old: null, new: 'Summit LLC' } } })).toBe(
      'timeZone: America/New_York → America/Chicago; legalName: — → Summit LLC',
    );
    expect(summariseDetails({ oldRoles: ['AGENT'], newRoles: ['AGENT', 'SUPERVISOR'] })).toBe('oldRoles: AGENT; newRoles: AGENT, SUPERVISOR');
    expect(summariseDetails(null)).toBe('');
  });

  it('names who did it, also when the service recorded no email', () => {
    const emails = new Map([['u1', 'ann@acme.test']]);
    expect(actorLabel({ actorId: 'u2', actorEmail: 'bob@acme.test' }, emails)).toBe('bob@acme.test');
    expect(actorLabel({ actorId: 'u1', actorEmail: null }, emails)).toBe('ann@acme.test');
    expect(actorLabel({ actorId: 'u9', actorEmail: null }, emails)).toBe('Unknown user');
    expect(actorLabel({ actorId: null, actorEmail: null }, emails)).toBe('Not signed in');
  });
});
