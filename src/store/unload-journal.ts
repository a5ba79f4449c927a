/**
 * The last edit not yet committed to IndexedDB, written synchronously to localStorage when the
 * page hides. An IndexedDB save started while the page unloads is often never committed (a
 * reload within ~0.1 s of typing lost the edit), while localStorage writes are synchronous.
 * The next load takes the journal if it is newer than the saved copy and moves it to IndexedDB.
 */
import type { NotebookDb } from './notebook-db.ts';
import type { SavedNotebook } from './saved-notebook.ts';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'stepwise-unsaved:';

/** localStorage, or undefined where the browser refuses it (then there is no journal). */
function defaultStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // a SecurityError when storage is disabled
  }
}

/** Keeps `record` until the next load; false if it could not be written (no storage, quota full). */
export function writeJournal(record: SavedNotebook, store = defaultStore()): boolean {
  try {
    store?.setItem(PREFIX + record.key, JSON.stringify(record));
    return store !== undefined;
  } catch {
    return false;
  }
}

/** The journalled record for `key`, if any (a damaged entry counts as none). */
export function readJournal(key: string, store = defaultStore()): SavedNotebook | undefined {
  try {
    const raw = store?.getItem(PREFIX + key);
    if (!raw) return undefined;
    const record = JSON.parse(raw) as SavedNotebook;
    return record.key === key && typeof record.text === 'string' && typeof record.savedAt === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

export function clearJournal(key: string, store = defaultStore()): void {
  try {
    store?.removeItem(PREFIX + key);
  } catch {
    // nothing to clear where storage is refused
  }
}

/**
 * The learner's saved copy of `key`: the IndexedDB record, or the journal when that is newer (the
 * page closed before its last save committed), which is then moved to IndexedDB. A site notebook
 * journalled back to its original text (`originalText`) has no copy.
 */
export async function savedOrJournal(db: NotebookDb, key: string, originalText?: string, store = defaultStore()): Promise<SavedNotebook | undefined> {
  const saved = await db.get(key).catch(() => undefined);
  const journal = readJournal(key, store);
  if (!journal || (saved && saved.savedAt >= journal.savedAt)) {
    if (journal) clearJournal(key, store);
    return saved;
  }
  const backToOriginal = journal.text === originalText;
  try {
    if (backToOriginal) await db.delete(key);
    else await db.put(journal);
    clearJournal(key, store);
  } catch {
    // Left in the journal: the next load tries again, and the next save supersedes it.
  }
  return backToOriginal ? undefined : journal;
}
