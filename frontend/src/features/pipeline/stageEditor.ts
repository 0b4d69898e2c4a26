import type { Stage, StageKind, StagesUpdate } from '@/api/leadService';

export const MAX_STAGES = 30;
export const MAX_STAGE_NAME = 50;

/** A row of the stage editor: an existing stage (with its id) or a new one. */
export interface StageRow {
  key: string;
  id?: string;
  name: string;
  kind: StageKind;
}

export const rowsFromStages = (stages: Stage[]): StageRow[] =>
  stages.map((s) => ({ key: s.id, id: s.id, name: s.name, kind: s.kind }));

/** Row problems by row key, in lead-service's words (Pipeline.validate). */
export function stageProblems(rows: StageRow[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const name = row.name.trim();
    if (!name) problems[row.key] = 'A stage needs a name';
    else if (name.length > MAX_STAGE_NAME) problems[row.key] = `A stage name has at most ${MAX_STAGE_NAME} characters`;
    else if (seen.has(name.toLowerCase())) problems[row.key] = `Stage '${name}' appears twice`;
    else if (i === 0 && row.kind !== 'OPEN') problems[row.key] = 'The first stage is where new leads start: make it OPEN';
    seen.add(name.toLowerCase());
  });
  return problems;
}

/** Stages being removed: those of the pipeline no row keeps. */
export const removedStages = (stages: Stage[], rows: StageRow[]): Stage[] =>
  stages.filter((s) => !rows.some((r) => r.id === s.id));

/** The PUT body: every stage in order, and where the leads of each removed stage go. */
export function toStagesUpdate(rows: StageRow[], moveLeadsTo: Record<string, string>, removed: Stage[]): StagesUpdate {
  const targets = Object.fromEntries(removed.map((s) => [s.id, moveLeadsTo[s.id] ?? '']).filter(([, to]) => to !== ''));
  return {
    stages: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), name: r.name.trim(), kind: r.kind })),
    ...(Object.keys(targets).length > 0 ? { moveLeadsTo: targets } : {}),
  };
}

export function moveRow(rows: StageRow[], index: number, by: -1 | 1): StageRow[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
