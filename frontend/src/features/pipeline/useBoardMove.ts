import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { leadService } from '@/api/leadService';
import { describeError } from '@/api/problem';
import { LEADS_KEY } from '@/features/leads/queries';
import { applyMove, serverPosition, type Column, type Move } from './board';

/** Cards shown per column; the list has the rest. */
export const BOARD_COLUMN_SIZE = 100;

const MOVE_KEY = ['pipeline', 'move'];

export const boardColumnKey = (stageId: string) => [...LEADS_KEY, 'board', stageId] as const;

/** One column: the leads in a stage that the user sees, in board order. */
export const boardColumnQuery = (stageId: string) =>
  queryOptions({
    queryKey: boardColumnKey(stageId),
    queryFn: (): Promise<Column> =>
      leadService.list({ filter: { status: [stageId] }, sort: 'position', direction: 'asc', limit: BOARD_COLUMN_SIZE }),
  });

/**
 * Moves a card: the board shows the move at once, PUT /api/leads/{id}/status follows, and if the
 * service refuses (or cannot be reached) both columns go back to what they were and `onFailure`
 * says why. Either way the columns are refetched afterwards, so the board ends as the server has it.
 */
export function useBoardMove(onFailure: (message: string, move: Move) => void) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationKey: MOVE_KEY,
    mutationFn: ({ move, position }: { move: Move; position: number | undefined }) =>
      leadService.changeStatus(move.leadId, move.toStage.id, position),
    onMutate: async ({ move }) => {
      const keys = [...new Set([move.fromStageId, move.toStage.id])];
      await Promise.all(keys.map((id) => queryClient.cancelQueries({ queryKey: boardColumnKey(id) })));
      const before = Object.fromEntries(keys.map((id) => [id, queryClient.getQueryData<Column>(boardColumnKey(id))]));
      const after = applyMove(before, move);
      for (const [id, column] of Object.entries(after)) queryClient.setQueryData(boardColumnKey(id), column);
      return { before };
    },
    onError: (error, { move }, context) => {
      for (const [id, column] of Object.entries(context?.before ?? {})) queryClient.setQueryData(boardColumnKey(id), column);
      onFailure(describeError(error), move);
    },
    // Only after the last of quick successive moves: an earlier refetch would undo a later one's
    // optimistic state.
    onSettled: () => (queryClient.isMutating({ mutationKey: MOVE_KEY }) === 1 ? queryClient.invalidateQueries({ queryKey: LEADS_KEY }) : undefined),
  });

  return {
    ...mutation,
    /** Moves the card; the position the service gets is where the card now shows in its column. */
    move: (move: Move) => {
      const columns = Object.fromEntries(
        [move.fromStageId, move.toStage.id].map((id) => [id, queryClient.getQueryData<Column>(boardColumnKey(id))]),
      );
      const position = serverPosition(applyMove(columns, move), move);
      mutation.mutate({ move, position });
    },
  };
}
