import { queryOptions } from '@tanstack/react-query';
import { userService } from '@/api/userService';

export const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: () => userService.teams.list(),
});

export const teamQuery = (id: string) =>
  queryOptions({
    queryKey: ['teams', id],
    queryFn: () => userService.teams.get(id),
  });
