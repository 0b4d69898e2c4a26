import type { CreditBand, LeadListQuery, LeadSortKey, LoanPurpose } from '@/api/leadService';
import { CREDIT_BANDS, LOAN_PURPOSES } from './labels';

/** Do-not-contact as a filter: either way ('') or only flagged / only not flagged leads. */
export type DncFilter = '' | 'yes' | 'no';
export type SortDirection = '' | 'asc' | 'desc';

/**
 * What the leads list shows, as the page's query string keeps it (so that a filtered list can be
 * bookmarked, shared, reloaded and saved as a view). Dates are calendar days in the user's time
 * zone, both ends included; the service gets instants, `createdTo` exclusive.
 */
export interface LeadFilters {
  q: string;
  status: string[];
  assigneeId: string[];
  /** Leads assigned to members of one team (admins; a supervisor's list is their team already). */
  teamId: string;
  unassigned: boolean;
  source: string[];
  state: string[];
  loanPurpose: LoanPurpose[];
  creditBand: CreditBand[];
  createdFrom: string;
  createdTo: string;
  tags: string[];
  doNotContact: DncFilter;
  needsReassignment: boolean;
  importId: string;
  /** Deleted leads instead of live ones (admins; restorable for 30 days). */
  deleted: boolean;
  sort: LeadSortKey;
  direction: SortDirection;
}

export const EMPTY_FILTERS: LeadFilters = {
  q: '',
  status: [],
  assigneeId: [],
  teamId: '',
  unassigned: false,
  source: [],
  state: [],
  loanPurpose: [],
  creditBand: [],
  createdFrom: '',
  createdTo: '',
  tags: [],
  doNotContact: '',
  needsReassignment: false,
  importId: '',
  deleted: false,
  sort: 'createdAt',
  direction: '',
};

export const SORTS: { value: LeadSortKey; label: string }[] = [
  { value: 'createdAt', label: 'Created' },
  { value: 'updatedAt', label: 'Last changed' },
  { value: 'name', label: 'Name' },
  { value: 'loanAmount', label: 'Loan amount' },
];

const LIST_KEYS = ['status', 'assigneeId', 'source', 'state', 'loanPurpose', 'creditBand', 'tags'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PURPOSES = new Set<string>(LOAN_PURPOSES.map((p) => p.value));
const BANDS = new Set<string>(CREDIT_BANDS.map((b) => b.value));
const SORT_KEYS = new Set<string>(SORTS.map((s) => s.value));

/** Repeated or comma-separated values, trimmed, blanks and repeats dropped. */
function many(search: URLSearchParams, name: string): string[] {
  const values = search.getAll(name).flatMap((v) => v.split(','));
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** The filters in a query string; anything unknown or malformed is ignored, not an error. */
export function filtersFromSearch(search: URLSearchParams): LeadFilters {
  const day = (name: string) => {
    const value = search.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const dnc = search.get('doNotContact');
  const sort = search.get('sort') ?? '';
  const direction = search.get('direction');
  return {
    q: (search.get('q') ?? '').trim(),
    status: many(search, 'status'),
    assigneeId: many(search, 'assigneeId'),
    teamId: (search.get('teamId') ?? '').trim(),
    unassigned: search.get('unassigned') === 'true',
    source: many(search, 'source'),
    state: many(search, 'state').map((s) => s.toUpperCase()),
    loanPurpose: many(search, 'loanPurpose').filter((p): p is LoanPurpose => PURPOSES.has(p)),
    creditBand: many(search, 'creditBand').filter((b): b is CreditBand => BANDS.has(b)),
    createdFrom: day('createdFrom'),
    createdTo: day('createdTo'),
    tags: many(search, 'tags').map((t) => t.toLowerCase()),
    doNotContact: dnc === 'true' ? 'yes' : dnc === 'false' ? 'no' : '',
    needsReassignment: search.get('needsReassignment') === 'true',
    importId: search.get('importId') ?? '',
    deleted: search.get('deleted') === 'true',
    sort: SORT_KEYS.has(sort) ? (sort as LeadSortKey) : 'createdAt',
    direction: direction === 'asc' || direction === 'desc' ? direction : '',
  };
}

/** The query string for filters: defaults left out, lists as repeated parameters. */
export function filtersToSearch(filters: LeadFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q.trim()) search.set('q', filters.q.trim());
  for (const key of LIST_KEYS) for (const value of filters[key]) search.append(key, value);
  if (filters.teamId) search.set('teamId', filters.teamId);
  if (filters.unassigned) search.set('unassigned', 'true');
  if (filters.createdFrom) search.set('createdFrom', filters.createdFrom);
  if (filters.createdTo) search.set('createdTo', filters.createdTo);
  if (filters.doNotContact) search.set('doNotContact', filters.doNotContact === 'yes' ? 'true' : 'false');
  if (filters.needsReassignment) search.set('needsReassignment', 'true');
  if (filters.importId) search.set('importId', filters.importId);
  if (filters.deleted) search.set('deleted', 'true');
  if (filters.sort !== 'createdAt') search.set('sort', filters.sort);
  if (filters.direction) search.set('direction', filters.direction);
  return search;
}

/** Local midnight of a calendar day as an instant; `plusDays` moves to a later day. */
export function startOfDay(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + plusDays).toISOString();
}

/**
 * What GET /api/leads is asked for these filters (the search box is separate: /api/leads/search).
 * The last day of the range is included: `createdTo` goes as the next day's start, exclusive.
 */
export function toListQuery(filters: LeadFilters, page: { limit: number; cursor?: string }): LeadListQuery {
  const list = <T,>(values: T[]) => (values.length > 0 ? values : undefined);
  return {
    filter: {
      status: list(filters.status),
      assigneeId: list(filters.assigneeId),
      teamId: filters.teamId || undefined,
      unassigned: filters.unassigned || undefined,
      source: list(filters.source),
      state: list(filters.state),
      loanPurpose: list(filters.loanPurpose),
      creditBand: list(filters.creditBand),
      createdFrom: filters.createdFrom ? startOfDay(filters.createdFrom) : undefined,
      createdTo: filters.createdTo ? startOfDay(filters.createdTo, 1) : undefined,
      tags: list(filters.tags),
      doNotContact: filters.doNotContact === '' ? undefined : filters.doNotContact === 'yes',
      needsReassignment: filters.needsReassignment || undefined,
      importId: filters.importId || undefined,
      deleted: filters.deleted || undefined,
    },
    sort: filters.sort,
    direction: filters.direction || undefined,
    limit: page.limit,
    cursor: page.cursor,
  };
}

/** How many criteria narrow the list (search, sort and order are not criteria). */
export function activeFilterCount(filters: LeadFilters): number {
  return (
    LIST_KEYS.filter((key) => filters[key].length > 0).length +
    [filters.teamId, filters.unassigned, filters.createdFrom, filters.createdTo, filters.doNotContact, filters.needsReassignment, filters.importId, filters.deleted].filter(Boolean)
      .length
  );
}

/** The filter of a bulk action "on every lead matching the list": the same criteria. */
export function toBulkFilter(filters: LeadFilters): LeadListQuery['filter'] {
  return toListQuery(filters, { limit: 1 }).filter;
}
