import { queryOptions } from '@tanstack/react-query';
import { userService } from '@/api/userService';

/** The signed-in user as stored now, with the tenant's name and status. */
export const meQuery = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: () => userService.me(),
  staleTime: 5 * 60_000,
});
