/**
 * Saved views of the leads list: a name and the list's query string (filters, sort), kept per
 * user in this browser's localStorage. lead-service has no saved views, so they do not follow the
 * user to another browser; the query string is the whole view, so moving them to the server later
 * changes only this module.
 */
export interface SavedView {
  name: string;
  /** filtersToSearch(...).toString() */
  search: string;
}

export const MAX_VIEWS = 30;
const key = (userId: string) => `chosencrm.leadViews.${userId}`;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function loadViews(userId: string, store: Store = window.localStorage): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key(userId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is SavedView => !!v && typeof v === 'object' && typeof v.name === 'string' && typeof v.search === 'string',
    );
  } catch {
    return [];
  }
}

/** Adds a view, or replaces the one with the same name (case-insensitive); sorted by name. */
export function saveView(userId: string, view: SavedView, store: Store = window.localStorage): SavedView[] {
  const name = view.name.trim();
  if (!name) throw new Error('A view needs a name');
  const others = loadViews(userId, store).filter((v) => v.name.toLowerCase() !== name.toLowerCase());
  if (others.length >= MAX_VIEWS) throw new Error(`At most ${MAX_VIEWS} saved views; delete one first`);
  const views = [...others, { name, search: view.search }].sort((a, b) => a.name.localeCompare(b.name));
  store.setItem(key(userId), JSON.stringify(views));
  return views;
}

export function deleteView(userId: string, name: string, store: Store = window.localStorage): SavedView[] {
  const views = loadViews(userId, store).filter((v) => v.name !== name);
  store.setItem(key(userId), JSON.stringify(views));
  return views;
}
