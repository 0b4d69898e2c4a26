import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/problem';

/** Retries only what a retry can fix: no answer, or the server's own trouble. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
