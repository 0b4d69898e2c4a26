import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { userService, type UserQuery } from '@/api/userService';

export const USERS_PAGE_SIZE = 25;

export const usersQuery = (query: UserQuery) =>
  queryOptions({
    queryKey: ['users', query],
    queryFn: () => userService.users.list(query),
    placeholderData: keepPreviousData,
  });

/** Users who can lead a team (supervisors and admins), for the team form. */
export const teamLeadersQuery = queryOptions({
  queryKey: ['users', 'team-leaders'],
  queryFn: async () => {
    const [supervisors, admins] = await Promise.all([
      userService.users.list({ role: 'SUPERVISOR', active: true, limit: 100 }),
      userService.users.list({ role: 'ADMIN', active: true, limit: 100 }),
    ]);
    const byId = new Map([...supervisors.items, ...admins.items].map((user) => [user.id, user]));
    return [...byId.values()].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  },
});
