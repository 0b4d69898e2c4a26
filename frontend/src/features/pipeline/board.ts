import type { Lead, LeadPage, Stage } from '@/api/leadService';

/** A column's cards, top first, as the board holds them: `{items, nextCursor}` of its list query. */
export type Column = LeadPage;

export interface Move {
  leadId: string;
  fromStageId: string;
  toStage: Stage;
  /** Where in the target column, from the top; undefined: the end. */
  toIndex?: number;
}

/** Where a card sits now: its column and index, or null when no column shows it. */
export function locate(columns: Record<string, Column | undefined>, leadId: string): { stageId: string; index: number } | null {
  for (const [stageId, column] of Object.entries(columns)) {
    const index = column?.items.findIndex((lead) => lead.id === leadId) ?? -1;
    if (index >= 0) return { stageId, index };
  }
  return null;
}

/**
 * The two columns after a move, the card updated to its new stage as the service will answer:
 * taken out of its column and put in the target one at `toIndex` (the end when undefined). Moving
 * within one column reorders it. Columns not touched are not in the result.
 */
export function applyMove(columns: Record<string, Column | undefined>, move: Move): Record<string, Column> {
  const source = columns[move.fromStageId];
  const lead = source?.items.find((l) => l.id === move.leadId);
  if (!source || !lead) return {};
  const moved: Lead = { ...lead, statusId: move.toStage.id, status: move.toStage.name, statusKind: move.toStage.kind };
  const without = source.items.filter((l) => l.id !== move.leadId);
  const same = move.toStage.id === move.fromStageId;
  const target = same ? without : [...(columns[move.toStage.id]?.items ?? [])];
  const at = move.toIndex === undefined ? target.length : Math.max(0, Math.min(move.toIndex, target.length));
  const placed = [...target.slice(0, at), moved, ...target.slice(at)];
  if (same) return { [move.fromStageId]: { ...source, items: placed } };
  return {
    [move.fromStageId]: { ...source, items: without },
    [move.toStage.id]: { nextCursor: columns[move.toStage.id]?.nextCursor ?? null, items: placed },
  };
}

/** The index in the target column a drop over `overLeadId` (or the column itself) means. */
export function dropIndex(target: Column | undefined, overLeadId: string | null, activeLeadId: string): number | undefined {
  if (!target || overLeadId === null) return undefined;
  const items = target.items.filter((l) => l.id !== activeLeadId);
  const index = items.findIndex((l) => l.id === overLeadId);
  return index >= 0 ? index : undefined;
}

/** The card's column after a move, in the server's position terms: 0 is the top. */
export function serverPosition(columns: Record<string, Column>, move: Move): number | undefined {
  const column = columns[move.toStage.id];
  const index = column?.items.findIndex((l) => l.id === move.leadId) ?? -1;
  return index >= 0 ? index : undefined;
}
