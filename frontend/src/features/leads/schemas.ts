import { z } from 'zod';
import type {
  ConsentMethod,
  ConsentRequest,
  CreateLeadRequest,
  CreditBand,
  JsonValue,
  Lead,
  LoanPurpose,
  UpdateLeadRequest,
} from '@/api/leadService';
import type { CustomField } from '@/api/userService';
import { CONSENT_METHODS, CREDIT_BANDS, LOAN_PURPOSES, US_STATES } from './labels';

/*
 * The lead form mirrors lead-service's rules (LeadDetails, LeadRequests, and user-service's
 * CustomFieldValidator for custom fields) with the same messages, so that most mistakes show
 * before the round trip; whatever the service still refuses comes back as field errors beside the
 * same fields (applyProblemToForm).
 */
export const MAX_LOAN_AMOUNT = 999_999_999_999.99;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_SKEW_MS = 5 * 60_000;

const max = (limit: number) => z.string().max(limit, `At most ${limit} characters`);
const oneOf = <T extends string>(values: readonly T[], message: string) =>
  z.string().refine((v) => v === '' || (values as readonly string[]).includes(v), message);

/** "$425,000.00" -> "425000.00": people type amounts the way they read them. */
export const cleanAmount = (value: string) => value.replace(/[$,\s]/g, '');

/**
 * A phone number as lead-service will take it (it normalises with libphonenumber): a US number
 * has 10 digits (11 with the leading 1), another country's starts with + and its code. Looser
 * than libphonenumber, never stricter.
 */
export function plausiblePhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (value.trim().startsWith('+')) return digits.length >= 7 && digits.length <= 15;
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1')) || digits.length > 11;
}

const consentSchema = z.object({
  givenAt: z.string(),
  method: z.string(),
  text: z.string(),
});

/** What is wrong with one custom field value as the form holds it (text, or true/false), or null. */
export function customFieldProblem(field: CustomField, raw: string | boolean | undefined): string | null {
  const label = field.label;
  if (field.type === 'BOOLEAN') return null;
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value === '') return field.required ? `${label} is required` : null;
  switch (field.type) {
    case 'TEXT':
      return value.length > 1000 ? `${label} must be text of at most 1000 characters` : null;
    case 'NUMBER':
      return Number.isFinite(Number(value)) ? null : `${label} must be a number`;
    case 'DATE':
      return DAY.test(value) ? null : `${label} must be a date in the form YYYY-MM-DD`;
    case 'SELECT':
      return field.options.includes(value) ? null : `${label} must be one of ${field.options.join(', ')}`;
    default:
      return null;
  }
}

/**
 * The form for creating (`mode: 'create'`) or editing a lead. Creating also takes the assignee,
 * do-not-contact and consent; editing leaves assignee and do-not-contact to their own actions.
 */
export function leadFormSchema(customFields: CustomField[], { now = () => Date.now() }: { now?: () => number } = {}) {
  return z
    .object({
      firstName: max(100),
      lastName: max(100),
      email: max(254).refine((v) => v.trim() === '' || EMAIL.test(v.trim()), 'Not an email address'),
      phone: max(40).refine(
        (v) => v.trim() === '' || plausiblePhone(v),
        'Not a valid phone number; US numbers need 10 digits, others a +country code',
      ),
      source: max(100),
      status: z.string(),
      loanPurpose: oneOf(LOAN_PURPOSES.map((p) => p.value), 'Choose a loan purpose from the list'),
      loanAmount: z.string().superRefine((raw, ctx) => {
        const value = cleanAmount(raw);
        if (value === '') return;
        if (value.startsWith('-')) ctx.addIssue({ code: 'custom', message: 'The loan amount must not be negative' });
        else if (!/^\d*\.?\d*$/.test(value) || value === '.') ctx.addIssue({ code: 'custom', message: 'The loan amount must be a number' });
        else if (!AMOUNT.test(value)) ctx.addIssue({ code: 'custom', message: 'The loan amount has at most 2 decimals (cents)' });
        else if (Number(value) > MAX_LOAN_AMOUNT) ctx.addIssue({ code: 'custom', message: 'The loan amount is too large' });
      }),
      propertyState: oneOf(US_STATES, 'Not a US state code (two letters, e.g. TX or DC)'),
      creditBand: oneOf(CREDIT_BANDS.map((b) => b.value), 'Choose a credit band from the list'),
      notes: max(10_000),
      tags: z
        .array(z.string().max(50, 'A tag has at most 50 characters'))
        .max(50, 'A lead has at most 50 tags'),
      // Custom field values as the form holds them: text for every type but BOOLEAN.
      customFields: z.record(z.string(), z.union([z.string(), z.boolean()])).superRefine((values, ctx) => {
        for (const field of customFields) {
          const problem = customFieldProblem(field, values[field.key]);
          if (problem) ctx.addIssue({ code: 'custom', path: [field.key], message: problem });
        }
      }),
      assigneeId: z.string(),
      doNotContact: z.boolean(),
      doNotContactReason: max(500),
      recordConsent: z.boolean(),
      consent: consentSchema,
    })
    .superRefine((form, ctx) => {
      if (form.firstName.trim() === '' && form.lastName.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'A lead needs a first or a last name' });
      }
      if (form.doNotContact && form.doNotContactReason.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['doNotContactReason'], message: 'Say why the lead must not be contacted' });
      }
      if (form.recordConsent) consentProblems(form.consent, now()).forEach((issue) => ctx.addIssue({ code: 'custom', ...issue, path: ['consent', ...issue.path] }));
    });
}
export type LeadForm = z.infer<ReturnType<typeof leadFormSchema>>;
export type ConsentForm = z.infer<typeof consentSchema>;

/** lead-service's consent rules, for the lead form and the "Record consent" dialog. */
export function consentProblems(consent: ConsentForm, now: number): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const givenAt = consent.givenAt ? new Date(consent.givenAt).getTime() : Number.NaN;
  if (Number.isNaN(givenAt)) problems.push({ path: ['givenAt'], message: 'Say when consent was given' });
  else if (givenAt > now + CLOCK_SKEW_MS) problems.push({ path: ['givenAt'], message: 'Consent cannot be given in the future' });
  if (!CONSENT_METHODS.some((m) => m.value === consent.method)) {
    problems.push({ path: ['method'], message: 'Say how consent was given' });
  }
  const text = consent.text.trim();
  if (text === '') problems.push({ path: ['text'], message: 'Record the consent text the lead was shown or read' });
  else if (text.length > 10_000) problems.push({ path: ['text'], message: 'At most 10000 characters' });
  return problems;
}

export const consentDialogSchema = consentSchema.superRefine((consent, ctx) =>
  consentProblems(consent, Date.now()).forEach((issue) => ctx.addIssue({ code: 'custom', ...issue })),
);

/** The paths of the form's fields that server field errors can land on. */
export function leadFormFields(customFields: CustomField[]) {
  return [
    'firstName', 'lastName', 'email', 'phone', 'source', 'status', 'loanPurpose', 'loanAmount', 'propertyState',
    'creditBand', 'notes', 'tags', 'assigneeId', 'doNotContactReason', 'consent.givenAt', 'consent.method', 'consent.text',
    ...customFields.map((f) => `customFields.${f.key}`),
  ] as const;
}

/** `<input type="datetime-local">` value (local time, minutes) for an instant, and back. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export const fromLocalInput = (value: string) => new Date(value).toISOString();

function customFieldFormValue(field: CustomField, value: JsonValue | undefined): string | boolean {
  if (field.type === 'BOOLEAN') return value === true;
  if (value === null || value === undefined) return '';
  return String(value);
}

export function emptyLeadForm(customFields: CustomField[]): LeadForm {
  return {
    firstName: '', lastName: '', email: '', phone: '', source: '', status: '', loanPurpose: '', loanAmount: '',
    propertyState: '', creditBand: '', notes: '', tags: [],
    customFields: Object.fromEntries(customFields.map((f) => [f.key, customFieldFormValue(f, undefined)])),
    assigneeId: '', doNotContact: false, doNotContactReason: '', recordConsent: false,
    consent: { givenAt: '', method: '', text: '' },
  };
}

export function leadToForm(lead: Lead, customFields: CustomField[]): LeadForm {
  const text = (value: string | null) => value ?? '';
  return {
    firstName: text(lead.firstName),
    lastName: text(lead.lastName),
    email: text(lead.email),
    phone: text(lead.phone),
    source: text(lead.source),
    status: lead.status,
    loanPurpose: text(lead.loanPurpose),
    loanAmount: lead.loanAmount === null ? '' : String(lead.loanAmount),
    propertyState: text(lead.propertyState),
    creditBand: text(lead.creditBand),
    notes: text(lead.notes),
    tags: lead.tags,
    customFields: Object.fromEntries(customFields.map((f) => [f.key, customFieldFormValue(f, lead.customFields[f.key])])),
    assigneeId: text(lead.assigneeId),
    doNotContact: lead.doNotContact,
    doNotContactReason: text(lead.doNotContactReason),
    recordConsent: lead.consent !== null,
    consent: {
      givenAt: toLocalInput(lead.consent?.givenAt),
      method: lead.consent?.method ?? '',
      text: lead.consent?.text ?? '',
    },
  };
}

/** Blank is left out: the service reads a missing field as "none". */
const orAbsent = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Custom field values for the service: blanks left out, numbers as numbers, only defined keys. */
export function customFieldsToApi(values: Record<string, string | boolean>, customFields: CustomField[]): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = {};
  for (const field of customFields) {
    const value = values[field.key];
    if (typeof value === 'boolean') result[field.key] = value;
    else if (typeof value === 'string' && value.trim() !== '') {
      result[field.key] = field.type === 'NUMBER' && Number.isFinite(Number(value)) ? Number(value) : value.trim();
    }
  }
  return result;
}

function consentToApi(consent: ConsentForm): ConsentRequest {
  return { givenAt: fromLocalInput(consent.givenAt), method: consent.method as ConsentMethod, text: consent.text.trim() };
}

function commonFields(form: LeadForm, customFields: CustomField[]) {
  const amount = cleanAmount(form.loanAmount);
  const tags = [...new Set(form.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  return {
    firstName: orAbsent(form.firstName),
    lastName: orAbsent(form.lastName),
    email: orAbsent(form.email),
    phone: orAbsent(form.phone),
    source: orAbsent(form.source),
    status: orAbsent(form.status),
    loanPurpose: (orAbsent(form.loanPurpose) as LoanPurpose | undefined),
    loanAmount: amount === '' ? undefined : Number(amount),
    propertyState: orAbsent(form.propertyState)?.toUpperCase(),
    creditBand: (orAbsent(form.creditBand) as CreditBand | undefined),
    notes: orAbsent(form.notes),
    tags,
    customFields: customFieldsToApi(form.customFields, customFields),
    consent: form.recordConsent ? consentToApi(form.consent) : undefined,
  };
}

export function toCreateRequest(form: LeadForm, customFields: CustomField[]): CreateLeadRequest {
  return {
    ...commonFields(form, customFields),
    assigneeId: orAbsent(form.assigneeId),
    doNotContact: form.doNotContact || undefined,
    doNotContactReason: form.doNotContact ? orAbsent(form.doNotContactReason) : undefined,
  };
}

/**
 * PUT replaces every editable field, so the whole form goes, with the version of the lead it was
 * loaded from. Custom field values whose definition was deleted are not sent (the service would
 * refuse them). Consent left as it was keeps its exact time (the form shows minutes only).
 */
export function toUpdateRequest(form: LeadForm, lead: Lead, customFields: CustomField[]): UpdateLeadRequest {
  const fields = commonFields(form, customFields);
  const consent =
    fields.consent && lead.consent && form.consent.givenAt === toLocalInput(lead.consent.givenAt)
      ? { ...fields.consent, givenAt: lead.consent.givenAt }
      : fields.consent;
  return { ...fields, consent, version: lead.version };
}

/** The lead as it is, as an update body, with some fields changed (recording consent). */
export function leadToUpdateRequest(lead: Lead, customFields: CustomField[], change: Partial<UpdateLeadRequest> = {}): UpdateLeadRequest {
  return { ...toUpdateRequest(leadToForm(lead, customFields), lead, customFields), ...change };
}

export { consentToApi };
