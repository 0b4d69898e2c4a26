import { describe, expect, it } from 'vitest';
import type { Lead, Stage } from '@/api/leadService';
import * as recorded from '@/test/recordedLeadAnswers';
import { applyMove, dropIndex, locate, serverPosition, type Column } from './board';

const stages = recorded.stages as Stage[];
const [newStage, contacted, , , won] = stages as [Stage, Stage, Stage, Stage, Stage];
const lead = (id: string, stage: Stage): Lead => ({ ...(recorded.lead as Lead), id, statusId: stage.id, status: stage.name, statusKind: stage.kind });
const column = (stage: Stage, ...ids: string[]): Column => ({ items: ids.map((id) => lead(id, stage)), nextCursor: null });
const ids = (c: Column | undefined) => c?.items.map((l) => l.id);

describe('moving a card on the board', () => {
  const columns = { [newStage.id]: column(newStage, 'a', 'b', 'c'), [contacted.id]: column(contacted, 'x', 'y') };

  it('takes the card out of its column and puts it at the drop position of the other, in its new stage', () => {
    const after = applyMove(columns, { leadId: 'b', fromStageId: newStage.id, toStage: contacted, toIndex: 1 });
    expect(ids(after[newStage.id])).toEqual(['a', 'c']);
    expect(ids(after[contacted.id])).toEqual(['x', 'b', 'y']);
    expect(after[contacted.id]!.items[1]).toMatchObject({ statusId: contacted.id, status: 'Contacted', statusKind: 'OPEN' });
    expect(ids(columns[newStage.id])).toEqual(['a', 'b', 'c']); // the columns it was given are left alone
  });

  it('appends without a position, clamps a position past the end, and takes the closing kind of the stage', () => {
    expect(ids(applyMove(columns, { leadId: 'a', fromStageId: newStage.id, toStage: contacted })[contacted.id])).toEqual(['x', 'y', 'a']);
    expect(ids(applyMove(columns, { leadId: 'a', fromStageId: newStage.id, toStage: contacted, toIndex: 9 })[contacted.id])).toEqual(['x', 'y', 'a']);
    const toWon = applyMove(columns, { leadId: 'a', fromStageId: newStage.id, toStage: won, toIndex: 0 });
    expect(toWon[won.id]!.items[0]!.statusKind).toBe('WON');
  });

  it('reorders within one column', () => {
    const after = applyMove(columns, { leadId: 'a', fromStageId: newStage.id, toStage: newStage, toIndex: 2 });
    expect(Object.keys(after)).toEqual([newStage.id]);
    expect(ids(after[newStage.id])).toEqual(['b', 'c', 'a']);
  });

  it('does nothing for a card it cannot find', () => {
    expect(applyMove(columns, { leadId: 'zz', fromStageId: newStage.id, toStage: contacted })).toEqual({});
  });

  it('finds cards, drop positions, and the position the service is told', () => {
    expect(locate(columns, 'y')).toEqual({ stageId: contacted.id, index: 1 });
    expect(locate(columns, 'zz')).toBeNull();
    expect(dropIndex(columns[contacted.id], 'y', 'b')).toBe(1);
    expect(dropIndex(columns[newStage.id], 'c', 'a')).toBe(1); // the dragged card itself does not count
    expect(dropIndex(columns[contacted.id], null, 'b')).toBeUndefined();
    const move = { leadId: 'b', fromStageId: newStage.id, toStage: contacted, toIndex: 0 };
    expect(serverPosition(applyMove(columns, move), move)).toBe(0);
  });
});
