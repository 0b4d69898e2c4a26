import type { BulkAction, ConsentMethod, CreditBand, LoanPurpose, StageKind } from '@/api/leadService';

/** lead-service's LoanPurpose, in its order. */
export const LOAN_PURPOSES: { value: LoanPurpose; label: string }[] = [
  { value: 'PURCHASE', label: 'Purchase' },
  { value: 'REFINANCE', label: 'Refinance' },
  { value: 'CASH_OUT', label: 'Cash-out refinance' },
  { value: 'HELOC', label: 'HELOC' },
];

/** lead-service's CreditBand: bands, not scores. */
export const CREDIT_BANDS: { value: CreditBand; label: string }[] = [
  { value: 'EXCELLENT', label: 'Excellent (740+)' },
  { value: 'GOOD', label: 'Good (670–739)' },
  { value: 'FAIR', label: 'Fair (580–669)' },
  { value: 'POOR', label: 'Poor (<580)' },
  { value: 'UNKNOWN', label: 'Unknown' },
];

export const CONSENT_METHODS: { value: ConsentMethod; label: string }[] = [
  { value: 'WEB_FORM', label: 'Web form' },
  { value: 'PAPER_FORM', label: 'Paper form' },
  { value: 'E_SIGNATURE', label: 'E-signature' },
  { value: 'RECORDED_CALL', label: 'Recorded call' },
  { value: 'EMAIL', label: 'Email' },
  { value: 'IMPORTED', label: 'Imported' },
  { value: 'OTHER', label: 'Other' },
];

export const STAGE_KINDS: { value: StageKind; label: string }[] = [
  { value: 'OPEN', label: 'Open (being worked)' },
  { value: 'WON', label: 'Won (closed)' },
  { value: 'LOST', label: 'Lost (closed)' },
];

/** The USPS codes lead-service accepts (UsStates): 50 states, DC and the territories. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ',
  'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT',
  'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP',
] as const;

export const BULK_ACTIONS: { value: BulkAction; label: string }[] = [
  { value: 'ASSIGN', label: 'Assign' },
  { value: 'CHANGE_STATUS', label: 'Change status' },
  { value: 'ADD_TAGS', label: 'Add tags' },
  { value: 'REMOVE_TAGS', label: 'Remove tags' },
  { value: 'DELETE', label: 'Delete' },
];

const labelOf = <T extends string>(list: { value: T; label: string }[], value: T | null | undefined): string =>
  value ? (list.find((item) => item.value === value)?.label ?? value) : '—';

export const loanPurposeLabel = (value: LoanPurpose | null | undefined) => labelOf(LOAN_PURPOSES, value);
export const creditBandLabel = (value: CreditBand | null | undefined) => labelOf(CREDIT_BANDS, value);
export const consentMethodLabel = (value: ConsentMethod | null | undefined) => labelOf(CONSENT_METHODS, value);

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
export const money = (amount: number | null | undefined) => (amount === null || amount === undefined ? '—' : usd.format(amount));

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(iso)) : '—');

/** "Refinance · $400,000", either part alone when the other is missing, or null. */
export function loanSummary(lead: { loanPurpose: LoanPurpose | null; loanAmount: number | null }): string | null {
  const parts = [lead.loanPurpose ? loanPurposeLabel(lead.loanPurpose) : null, lead.loanAmount !== null ? money(lead.loanAmount) : null];
  return parts.filter(Boolean).join(' · ') || null;
}

/** "Rita Recorded", or whichever name the lead has. */
export function leadName(lead: { firstName: string | null; lastName: string | null }): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ') || 'Unnamed lead';
}
