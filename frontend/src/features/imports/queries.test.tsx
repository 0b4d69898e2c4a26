import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { leadImports, type ImportJob, type ImportState } from '@/api/leadImports';
import * as recorded from '@/test/recordedLeadAnswers';
import { importQuery, pollInterval } from './queries';

const job = (state: ImportState, percent = 0): ImportJob => ({
  ...(recorded.importJob as ImportJob),
  state,
  progress: { ...(recorded.importJob as ImportJob).progress, percent },
});

describe('polling an import', () => {
  it('asks often while queued or running, less often the longer it runs, never otherwise', () => {
    expect(pollInterval(job('QUEUED'), 0)).toBe(1000);
    expect(pollInterval(job('RUNNING'), 9)).toBe(1000);
    expect(pollInterval(job('RUNNING'), 10)).toBe(2000);
    expect(pollInterval(job('RUNNING'), 25)).toBe(4000);
    expect(pollInterval(job('RUNNING'), 500)).toBe(5000);
    for (const state of ['MAPPING', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'] as const) expect(pollInterval(job(state), 0)).toBe(false);
    expect(pollInterval(undefined, 0)).toBe(false);
  });

  it('follows the progress until the import is done, then stops', async () => {
    const answers = [job('QUEUED'), job('RUNNING', 40), job('RUNNING', 80), job('COMPLETED', 100)];
    const get = vi.spyOn(leadImports, 'get').mockImplementation(async () => answers.shift() ?? job('COMPLETED', 100));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const seen: number[] = [];
    const { result } = renderHook(() => {
      const query = useQuery(importQuery('imp-1', 10));
      if (query.data && seen.at(-1) !== query.data.progress.percent) seen.push(query.data.progress.percent);
      return query;
    }, { wrapper });
    await waitFor(() => expect(result.current.data?.state).toBe('COMPLETED'));
    expect(seen).toEqual([0, 40, 80, 100]);
    const calls = get.mock.calls.length;
    await new Promise((r) => setTimeout(r, 80));
    expect(get.mock.calls.length).toBe(calls);
    expect(get).toHaveBeenCalledWith('imp-1');
  });
});
