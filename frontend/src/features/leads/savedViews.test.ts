import { describe, expect, it } from 'vitest';
import { deleteView, loadViews, MAX_VIEWS, saveView } from './savedViews';

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('saved views', () => {
  it('keeps each user’s views apart, sorted by name', () => {
    const store = memory();
    saveView('u1', { name: 'Texas', search: 'state=TX' }, store);
    saveView('u1', { name: 'Hot', search: 'tags=hot' }, store);
    saveView('u2', { name: 'Mine', search: '' }, store);
    expect(loadViews('u1', store).map((v) => v.name)).toEqual(['Hot', 'Texas']);
    expect(loadViews('u2', store)).toEqual([{ name: 'Mine', search: '' }]);
  });

  it('replaces a view saved again under the same name, whatever its case', () => {
    const store = memory();
    saveView('u1', { name: 'Texas', search: 'state=TX' }, store);
    expect(saveView('u1', { name: ' texas ', search: 'state=TX&tags=hot' }, store)).toEqual([{ name: 'texas', search: 'state=TX&tags=hot' }]);
  });

  it('deletes a view, refuses a nameless one or one too many', () => {
    const store = memory();
    saveView('u1', { name: 'A', search: '' }, store);
    expect(deleteView('u1', 'A', store)).toEqual([]);
    expect(() => saveView('u1', { name: '  ', search: '' }, store)).toThrow('A view needs a name');
    for (let i = 0; i < MAX_VIEWS; i++) saveView('u1', { name: `v${i}`, search: '' }, store);
    expect(() => saveView('u1', { name: 'one more', search: '' }, store)).toThrow(/At most/);
  });

  it('reads damaged storage as no views', () => {
    const store = memory();
    store.setItem('chosencrm.leadViews.u1', '{not json');
    expect(loadViews('u1', store)).toEqual([]);
    store.setItem('chosencrm.leadViews.u1', JSON.stringify([{ name: 'ok', search: '' }, { name: 3 }, null]));
    expect(loadViews('u1', store)).toEqual([{ name: 'ok', search: '' }]);
  });
});
