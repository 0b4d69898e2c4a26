import { describe, expect, it } from 'vitest';
import type { Stage } from '@/api/leadService';
import * as recorded from '@/test/recordedLeadAnswers';
import { moveRow, removedStages, rowsFromStages, stageProblems, toStagesUpdate } from './stageEditor';

const stages = recorded.stages as Stage[];

describe('the stage editor', () => {
  it('checks names and the first stage as the service does', () => {
    const rows = rowsFromStages(stages);
    expect(stageProblems(rows)).toEqual({});
    const bad = [{ ...rows[0]!, kind: 'WON' as const }, { ...rows[1]!, name: ' ' }, { ...rows[2]!, name: 'new' }, { ...rows[3]!, name: 'x'.repeat(51) }];
    expect(Object.values(stageProblems(bad))).toEqual([
      'The first stage is where new leads start: make it OPEN',
      'A stage needs a name',
      "Stage 'new' appears twice",
      'A stage name has at most 50 characters',
    ]);
  });

  it('sends every stage in order, keeps ids, and says where removed stages’ leads go', () => {
    const rows = rowsFromStages(stages);
    const edited = [...moveRow(rows, 1, 1).filter((r) => r.name !== 'Closed lost'), { key: 'n1', name: ' Nurture ', kind: 'OPEN' as const }];
    const removed = removedStages(stages, edited);
    expect(removed.map((s) => s.name)).toEqual(['Closed lost']);
    const update = toStagesUpdate(edited, { [removed[0]!.id]: 'Nurture' }, removed);
    expect(update.stages.map((s) => s.name)).toEqual(['New', 'Qualified', 'Contacted', 'Application', 'Closed won', 'Nurture']);
    expect(update.stages[0]).toEqual({ id: stages[0]!.id, name: 'New', kind: 'OPEN' });
    expect(update.stages[5]).toEqual({ name: 'Nurture', kind: 'OPEN' });
    expect(update.moveLeadsTo).toEqual({ [removed[0]!.id]: 'Nurture' });
    expect(toStagesUpdate(rows, {}, []).moveLeadsTo).toBeUndefined();
  });

  it('moves rows up and down, not past the ends', () => {
    const rows = rowsFromStages(stages);
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(moveRow(rows, 0, 1).map((r) => r.name).slice(0, 2)).toEqual(['Contacted', 'New']);
  });
});
