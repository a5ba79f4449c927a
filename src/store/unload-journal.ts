/**
 * The last edit not yet committed to IndexedDB, written synchronously to localStorage when the
 * page hides. An IndexedDB save started while the page unloads is often never committed (a
 * reload within ~0.1 s of typing lost the edit), while localStorage writes are synchronous.
 * The notebook clears the journal whenever its current text is committed, so a journal found on
 * the next load is the newest state there is: the load takes it and moves it to IndexedDB. (No
 * timestamps are compared: a clock set back would otherwise throw the newest edit away.)
 */
import type { NotebookDb } from './notebook-db.ts';
import type { SavedNotebook } from './saved-notebook.ts';
import { localStore } from './local-store.ts';

const PREFIX = 'stepwise-unsaved:';

/** Keeps `record` until the next load; false if it could not be written (no storage, quota full). */
export function writeJournal(record: SavedNotebook, store = localStore()): boolean {
  try {
    store?.setItem(PREFIX + record.key, JSON.stringify(record));
    return store !== undefined;
  } catch {
    return false;
  }
}

/** The journalled record for `key`, if any (a damaged entry counts as none). */
export function readJournal(key: string, store = localStore()): SavedNotebook | undefined {
  try {
    const raw = store?.getItem(PREFIX + key);
    if (!raw) return undefined;
    const record = JSON.parse(raw) as SavedNotebook;
    return record.key === key && typeof record.text === 'string' && typeof record.savedAt === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

export function clearJournal(key: string, store = localStore()): void {
  try {
    store?.removeItem(PREFIX + key);
  } catch {
    // nothing to clear where storage is refused
  }
}

/**
 * The learner's saved copy of `key`: the journal when there is one (the page closed before its
 * last save committed), which is then moved to IndexedDB, else the IndexedDB record. A site
 * notebook journalled back to its original text (`originalText`) has no copy. With a store that
 * lives in memory only, the journal stays: it is the one copy a reload keeps.
 */
export async function savedOrJournal(db: NotebookDb, key: string, originalText?: string, store = localStore()): Promise<SavedNotebook | undefined> {
  const journal = readJournal(key, store);
  if (!journal) return db.get(key).catch(() => undefined);
  const backToOriginal = journal.text === originalText;
  try {
    if (backToOriginal) await db.delete(key);
    else await db.put(journal);
    if (!db.inMemory) clearJournal(key, store);
  } catch {
    // Left in the journal: the next load tries again, and the next committed save clears it.
  }
  return backToOriginal ? undefined : journal;
}
