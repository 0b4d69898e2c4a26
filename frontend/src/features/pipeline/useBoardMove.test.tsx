import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { leadService, type Lead, type Stage } from '@/api/leadService';
import { ApiError } from '@/api/problem';
import * as recorded from '@/test/recordedLeadAnswers';
import type { Column } from './board';
import { boardColumnKey, useBoardMove } from './useBoardMove';

const stages = recorded.stages as Stage[];
const [newStage, contacted] = stages as [Stage, Stage];
const lead = (id: string, stage: Stage): Lead => ({ ...(recorded.lead as Lead), id, statusId: stage.id, status: stage.name, statusKind: stage.kind });
const ids = (client: QueryClient, stage: Stage) => client.getQueryData<Column>(boardColumnKey(stage.id))?.items.map((l) => l.id);

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(boardColumnKey(newStage.id), { items: [lead('a', newStage), lead('b', newStage)], nextCursor: null });
  client.setQueryData(boardColumnKey(contacted.id), { items: [lead('x', contacted)], nextCursor: null });
  // The refetch after a move answers from the "server": whatever the test put there.
  vi.spyOn(leadService, 'list').mockImplementation(async (query) => client.getQueryData<Column>(boardColumnKey(query.filter.status![0]!))!);
  const failures: string[] = [];
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useBoardMove((message) => failures.push(message)), { wrapper });
  return { client, result, failures };
}

describe('moving a card, optimistically', () => {
  it('shows the move at once and tells the service the stage and position', async () => {
    let answer!: (lead: Lead) => void;
    const changeStatus = vi.spyOn(leadService, 'changeStatus').mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const { client, result } = setup();
    act(() => result.current.move({ leadId: 'b', fromStageId: newStage.id, toStage: contacted, toIndex: 0 }));
    await waitFor(() => expect(ids(client, contacted)).toEqual(['b', 'x']));
    expect(ids(client, newStage)).toEqual(['a']);
    expect(changeStatus).toHaveBeenCalledWith('b', contacted.id, 0);
    await act(async () => answer(lead('b', contacted)));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });

  it('puts both columns back and says why when the service refuses', async () => {
    vi.spyOn(leadService, 'changeStatus').mockRejectedValue(
      new ApiError({ type: 'https://chosencrm.dev/problems/not-found', title: 'Not found', status: 404, detail: 'Lead b not found' }),
    );
    const { client, result, failures } = setup();
    act(() => result.current.move({ leadId: 'b', fromStageId: newStage.id, toStage: contacted, toIndex: 1 }));
    await waitFor(() => expect(failures).toEqual(['Lead b not found']));
    expect(ids(client, newStage)).toEqual(['a', 'b']);
    expect(ids(client, contacted)).toEqual(['x']);
    expect(client.getQueryData<Column>(boardColumnKey(newStage.id))!.items[1]!.status).toBe('New');
  });

  it('rolls back when the service cannot be reached, too', async () => {
    vi.spyOn(leadService, 'changeStatus').mockRejectedValue(new ApiError({ type: 'about:blank', title: 'Network error', status: 0 }));
    const { client, result, failures } = setup();
    act(() => result.current.move({ leadId: 'a', fromStageId: newStage.id, toStage: contacted }));
    await waitFor(() => expect(failures).toHaveLength(1));
    expect(failures[0]).toMatch(/couldn't reach ChosenCRM/);
    expect(ids(client, newStage)).toEqual(['a', 'b']);
  });
});
