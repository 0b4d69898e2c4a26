import { describe, expect, it } from 'vitest';
import { listSearchParams } from '@/api/leadService';
import { activeFilterCount, EMPTY_FILTERS, filtersFromSearch, filtersToSearch, startOfDay, toBulkFilter, toListQuery } from './filters';

const from = (query: string) => filtersFromSearch(new URLSearchParams(query));

describe('lead filters and the query string', () => {
  it('reads nothing as the defaults', () => {
    expect(from('')).toEqual(EMPTY_FILTERS);
    expect(filtersToSearch(EMPTY_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter through the page address', () => {
    const filters = {
      ...EMPTY_FILTERS,
      q: 'rita',
      status: ['New', 'Contacted'],
      assigneeId: ['u1'],
      teamId: 't1',
      unassigned: true,
      source: ['Zillow'],
      state: ['TX', 'CA'],
      loanPurpose: ['PURCHASE' as const],
      creditBand: ['GOOD' as const],
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
      tags: ['hot'],
      doNotContact: 'no' as const,
      needsReassignment: true,
      importId: 'imp-1',
      deleted: true,
      sort: 'name' as const,
      direction: 'asc' as const,
    };
    const search = filtersToSearch(filters);
    expect(search.getAll('status')).toEqual(['New', 'Contacted']);
    expect(search.get('doNotContact')).toBe('false');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('takes comma-separated lists too, and drops blanks and repeats', () => {
    expect(from('status=New,%20Contacted,,New&tags=HOT').status).toEqual(['New', 'Contacted']);
    expect(from('tags=HOT&state=tx').tags).toEqual(['hot']);
    expect(from('state=tx').state).toEqual(['TX']);
  });

  it('ignores what it does not know instead of failing', () => {
    const filters = from('loanPurpose=BOAT&loanPurpose=HELOC&creditBand=720&sort=colour&direction=up&createdFrom=yesterday&doNotContact=maybe');
    expect(filters.loanPurpose).toEqual(['HELOC']);
    expect(filters.creditBand).toEqual([]);
    expect(filters.sort).toBe('createdAt');
    expect(filters.direction).toBe('');
    expect(filters.createdFrom).toBe('');
    expect(filters.doNotContact).toBe('');
  });

  it('counts the criteria that narrow the list, not search or sort', () => {
    expect(activeFilterCount({ ...EMPTY_FILTERS, q: 'x', sort: 'name' })).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, status: ['New', 'Won'], doNotContact: 'yes', createdFrom: '2026-01-01' })).toBe(3);
    expect(activeFilterCount({ ...EMPTY_FILTERS, teamId: 't1' })).toBe(1);
  });
});

describe('lead filters as the service takes them', () => {
  it('sends the created range as instants: the first day from its midnight, the last day included', () => {
    const query = toListQuery({ ...EMPTY_FILTERS, createdFrom: '2026-11-01', createdTo: '2026-11-30' }, { limit: 50 });
    expect(query.filter.createdFrom).toBe(new Date(2026, 10, 1).toISOString());
    expect(query.filter.createdTo).toBe(new Date(2026, 11, 1).toISOString());
    expect(startOfDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('leaves out what is not filtered, and writes lists as repeated parameters', () => {
    const query = toListQuery({ ...EMPTY_FILTERS, status: ['New', 'Contacted'], doNotContact: 'yes', tags: ['hot', 'vip'] }, { limit: 50, cursor: 'c1' });
    expect(listSearchParams(query).toString()).toBe('status=New&status=Contacted&tags=hot&tags=vip&doNotContact=true&sort=createdAt&cursor=c1&limit=50');
    expect(listSearchParams(toListQuery(EMPTY_FILTERS, { limit: 10 })).toString()).toBe('sort=createdAt&limit=10');
    expect(listSearchParams(toListQuery({ ...EMPTY_FILTERS, teamId: 't1' }, { limit: 10 })).toString()).toBe('teamId=t1&sort=createdAt&limit=10');
  });

  it('gives a bulk action the same criteria as the list', () => {
    expect(toBulkFilter({ ...EMPTY_FILTERS, source: ['Zillow'], unassigned: true, doNotContact: 'no' })).toEqual({
      status: undefined, assigneeId: undefined, unassigned: true, source: ['Zillow'], state: undefined, loanPurpose: undefined,
      creditBand: undefined, createdFrom: undefined, createdTo: undefined, tags: undefined, doNotContact: false,
      needsReassignment: undefined, importId: undefined,
    });
  });
});
