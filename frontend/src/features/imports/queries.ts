import { queryOptions } from '@tanstack/react-query';
import { leadImports, type ImportJob, type ImportState } from '@/api/leadImports';

/** States in which the import still changes: the wizard keeps asking. */
export const WORKING: ImportState[] = ['QUEUED', 'RUNNING'];
export const FINISHED: ImportState[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'];

/**
 * How long to wait before asking again about an import: often while it is queued or running (a
 * small file finishes in a second or two), less often the longer it runs, never once it stopped or
 * while it waits for its mapping.
 */
export function pollInterval(job: ImportJob | undefined, polls: number, base = 1000): number | false {
  if (!job || !WORKING.includes(job.state)) return false;
  return Math.min(base * 2 ** Math.floor(polls / 10), base * 5);
}

export const importQuery = (id: string, base = 1000) =>
  queryOptions({
    queryKey: ['imports', id],
    queryFn: () => leadImports.get(id),
    refetchInterval: (query) => pollInterval(query.state.data, query.state.dataUpdateCount, base),
    refetchIntervalInBackground: true,
  });

export const recentImportsQuery = queryOptions({
  queryKey: ['imports', 'recent'],
  queryFn: () => leadImports.list(undefined, 10),
});
