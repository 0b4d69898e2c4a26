import { infiniteQueryOptions, queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { leadService } from '@/api/leadService';
import { canManage } from '@/auth/access';
import { useAuth } from '@/auth/AuthProvider';
import { toListQuery, type LeadFilters } from './filters';

export const LEADS_PAGE_SIZE = 50;
export const SEARCH_PAGE_SIZE = 25;
export const HISTORY_PAGE_SIZE = 20;

/** Every cached answer about leads starts with this key, so that a change can refresh them all. */
export const LEADS_KEY = ['leads'] as const;

/**
 * The list for the filters, page after page ("Load more"). With a search term it is the search's
 * answer within the same filters instead (best matches first rather than the list's sort).
 */
export const leadsQuery = (filters: LeadFilters) =>
  infiniteQueryOptions({
    queryKey: [...LEADS_KEY, 'list', filters],
    queryFn: ({ pageParam }) =>
      filters.q
        ? leadService.search(filters.q, toListQuery(filters, { limit: SEARCH_PAGE_SIZE, cursor: pageParam }))
        : leadService.list(toListQuery(filters, { limit: LEADS_PAGE_SIZE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const leadQuery = (id: string) =>
  queryOptions({
    queryKey: [...LEADS_KEY, 'one', id],
    queryFn: () => leadService.get(id),
  });

export const historyQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: [...LEADS_KEY, 'history', id],
    queryFn: ({ pageParam }) => leadService.history(id, pageParam, HISTORY_PAGE_SIZE),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const stagesQuery = queryOptions({
  queryKey: ['pipeline', 'stages'],
  queryFn: () => leadService.stages(),
  staleTime: 5 * 60_000,
});

/** lead-service's users (its read model): everyone for admins, their team for supervisors. */
export const agentsQuery = queryOptions({
  queryKey: ['assignment', 'agents'],
  queryFn: () => leadService.agents(),
  staleTime: 60_000,
});

/** The people a manager can assign leads to: active users who are agents (or supervisors). */
export function useAssignableUsers() {
  const { user } = useAuth();
  const manager = canManage('leads', user?.roles);
  const agents = useQuery({ ...agentsQuery, enabled: manager });
  const assignable = useMemo(
    () =>
      (agents.data ?? [])
        .filter((a) => a.active && (a.roles.includes('AGENT') || a.roles.includes('SUPERVISOR')))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [agents.data],
  );
  return { ...agents, assignable, manager };
}

/**
 * Names of the tenant's people by id, for history entries: what lead-service knows of them
 * (admins and supervisors may read it), plus the signed-in user. Agents see "You" and "A teammate".
 */
export function usePeopleNames(): (id: string | null | undefined, known?: string | null) => string {
  const { user } = useAuth();
  const manager = canManage('leads', user?.roles);
  const agents = useQuery({ ...agentsQuery, enabled: manager });
  const names = useMemo(() => new Map((agents.data ?? []).map((a) => [a.userId, a.name])), [agents.data]);
  return (id, known) => {
    if (!id) return 'Someone';
    if (id === user?.id) return 'You';
    return names.get(id) ?? known ?? (manager ? 'A former user' : 'A teammate');
  };
}
