import { z } from 'zod';
import type { CustomField, CustomFieldType, EntityType, TenantSettings, TenantSettingsRequest } from '@/api/userService';

const optional = (schema: z.ZodType<string, string>) => z.union([z.literal(''), schema]);
const httpsUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2048, `${label} must be at most 2048 characters`)
    .refine((value) => {
      try {
        return new URL(value).protocol === 'https:';
      } catch {
        return false;
      }
    }, `${label} must be an https:// address`);

/** The company profile as the form holds it: strings throughout, '' for "not set". */
export const tenantSettingsSchema = z.object({
  companyName: z.string().trim().min(1, 'Company name is required').max(200, 'Company name must be at most 200 characters'),
  legalName: z.string().trim().max(200, 'Legal name must be at most 200 characters'),
  nmlsId: optional(z.string().trim().regex(/^\d{1,12}$/, 'NMLS id must be the digits of the NMLS number')),
  phone: optional(z.string().trim().regex(/^\+?[0-9 ().-]{7,25}$/, 'Phone must be a phone number such as (555) 123-4567 or +15551234567')),
  email: optional(z.string().trim().max(254, 'Email must be at most 254 characters').pipe(z.email('Email must be an email address'))),
  website: optional(httpsUrl('Website')),
  address: z.object({
    line1: z.string().trim().max(200, 'Address line 1 must be at most 200 characters'),
    line2: z.string().trim().max(200, 'Address line 2 must be at most 200 characters'),
    city: z.string().trim().max(100, 'City must be at most 100 characters'),
    state: optional(z.string().trim().regex(/^[A-Za-z]{2}$/, 'State must be a two-letter state code such as TX')),
    postalCode: optional(z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'Postal code must be a ZIP code such as 75201 or 75201-1234')),
  }),
  timeZone: z.string().min(1, 'Time zone is required'),
  locale: z.string().min(1, 'Locale is required'),
  branding: z.object({
    logoUrl: optional(httpsUrl('Logo URL')),
    primaryColor: z.string().trim().regex(/^#[0-9A-Fa-f]{6}$/, 'Primary colour must be a hex colour such as #0066FF'),
  }),
});
export type TenantSettingsForm = z.infer<typeof tenantSettingsSchema>;

export const TENANT_SETTINGS_FIELDS = [
  'companyName', 'legalName', 'nmlsId', 'phone', 'email', 'website',
  'address.line1', 'address.line2', 'address.city', 'address.state', 'address.postalCode',
  'timeZone', 'locale', 'branding.logoUrl', 'branding.primaryColor',
] as const;

const text = (value: string | null | undefined) => value ?? '';
/** Blank is left out of the request, which user-service reads as "cleared". */
const orAbsent = (value: string) => (value.trim() === '' ? undefined : value.trim());

export function toTenantSettingsForm(settings: TenantSettings): TenantSettingsForm {
  return {
    companyName: settings.companyName,
    legalName: text(settings.legalName),
    nmlsId: text(settings.nmlsId),
    phone: text(settings.phone),
    email: text(settings.email),
    website: text(settings.website),
    address: {
      line1: text(settings.address.line1),
      line2: text(settings.address.line2),
      city: text(settings.address.city),
      state: text(settings.address.state),
      postalCode: text(settings.address.postalCode),
    },
    timeZone: settings.timeZone,
    locale: settings.locale,
    branding: { logoUrl: text(settings.branding.logoUrl), primaryColor: settings.branding.primaryColor },
  };
}

/** The PUT body: blanks are left out (cleared), and the version loaded goes back for the lock. */
export function toTenantSettingsRequest(form: TenantSettingsForm, version: number): TenantSettingsRequest {
  return {
    companyName: form.companyName.trim(),
    legalName: orAbsent(form.legalName),
    nmlsId: orAbsent(form.nmlsId),
    phone: orAbsent(form.phone),
    email: orAbsent(form.email),
    website: orAbsent(form.website),
    address: {
      line1: orAbsent(form.address.line1),
      line2: orAbsent(form.address.line2),
      city: orAbsent(form.address.city),
      state: orAbsent(form.address.state)?.toUpperCase(),
      postalCode: orAbsent(form.address.postalCode),
    },
    timeZone: form.timeZone,
    locale: form.locale,
    branding: { logoUrl: orAbsent(form.branding.logoUrl), primaryColor: form.branding.primaryColor.trim().toUpperCase() },
    version,
  };
}

export const ENTITY_TYPES: { value: EntityType; label: string }[] = [
  { value: 'LEAD', label: 'Leads' },
  { value: 'CALL', label: 'Calls' },
  { value: 'APPLICATION', label: 'Applications' },
];

export const CUSTOM_FIELD_TYPES: { value: CustomFieldType; label: string }[] = [
  { value: 'TEXT', label: 'Text' },
  { value: 'NUMBER', label: 'Number' },
  { value: 'DATE', label: 'Date' },
  { value: 'SELECT', label: 'Choice list' },
  { value: 'BOOLEAN', label: 'Yes / no' },
];

export const customFieldSchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, 'Key is required')
      .regex(
        /^[a-z][a-zA-Z0-9_]{0,49}$/,
        'Key must start with a lower-case letter and have only letters, digits and underscores (at most 50 characters), e.g. loanPurpose',
      ),
    label: z.string().trim().min(1, 'Label is required').max(100, 'Label must be at most 100 characters'),
    type: z.enum(['TEXT', 'NUMBER', 'DATE', 'SELECT', 'BOOLEAN']),
    /** One option per line. */
    options: z.string(),
    required: z.boolean(),
    position: z.number({ error: 'Position must be a number' }).int('Position must be a whole number').min(0, 'Position must not be negative').max(10_000, 'Position must be at most 10000'),
  })
  .superRefine((form, ctx) => {
    if (form.type !== 'SELECT') return;
    const options = parseOptions(form.options);
    if (options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice list needs at least one option' });
    if (options.some((o) => o.length > 100)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'An option must be at most 100 characters' });
    if (new Set(options).size !== options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Each option may appear only once' });
  });
export type CustomFieldForm = z.infer<typeof customFieldSchema>;

export function parseOptions(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function toCustomFieldForm(field: CustomField | undefined, nextPosition: number): CustomFieldForm {
  return field
    ? { key: field.key, label: field.label, type: field.type, options: field.options.join('\n'), required: field.required, position: field.position }
    : { key: '', label: '', type: 'TEXT', options: '', required: false, position: nextPosition };
}
