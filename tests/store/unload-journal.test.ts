import { describe, expect, it } from 'vitest';
import { clearJournal, readJournal, savedOrJournal, writeJournal } from '../../src/store/unload-journal.ts';
import { memoryDb } from '../../src/store/notebook-db.ts';
import type { SavedNotebook } from '../../src/store/saved-notebook.ts';

/** A localStorage stand-in (Node has none). */
function fakeStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const record = (text: string, savedAt: number): SavedNotebook => ({ key: 'repo:welcome', text, origin: 'repo', title: 'Welcome', savedAt, originalHash: 'h' });

describe('unload journal', () => {
  it('writes, reads back and clears a record; a damaged or missing entry reads as none', () => {
    const store = fakeStorage();
    expect(writeJournal(record('edited', 5), store)).toBe(true);
    expect(readJournal('repo:welcome', store)).toEqual(record('edited', 5));
    expect(readJournal('repo:other', store)).toBeUndefined();
    store.setItem('stepwise-unsaved:repo:welcome', '{not json');
    expect(readJournal('repo:welcome', store)).toBeUndefined();
    writeJournal(record('edited', 5), store);
    clearJournal('repo:welcome', store);
    expect(store.items.size).toBe(0);
  });

  it('a full or missing storage is reported by writeJournal, never thrown', () => {
    const full = { ...fakeStorage(), setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(writeJournal(record('x', 1), full)).toBe(false);
    expect(writeJournal(record('x', 1), undefined)).toBe(false);
    expect(readJournal('repo:welcome', undefined)).toBeUndefined();
  });

  it('savedOrJournal takes the journal and moves it into the database', async () => {
    const db = memoryDb();
    const store = fakeStorage();
    const disk = { ...db, inMemory: false };
    await disk.put(record('saved', 10));
    writeJournal(record('typed just before the reload', 20), store);
    const got = await savedOrJournal(disk, 'repo:welcome', 'original', store);
    expect(got?.text).toBe('typed just before the reload');
    expect((await disk.get('repo:welcome'))?.text).toBe('typed just before the reload');
    expect(store.items.size).toBe(0);
    // Without a journal, the database's copy.
    expect((await savedOrJournal(disk, 'repo:welcome', 'original', store))?.text).toBe('typed just before the reload');
  });

  it('savedOrJournal compares no clocks: a journal dated before the saved copy still wins', async () => {
    const disk = { ...memoryDb(), inMemory: false };
    const store = fakeStorage();
    await disk.put(record('saved at 30', 30));
    writeJournal(record('typed after the clock went back', 20), store);
    expect((await savedOrJournal(disk, 'repo:welcome', 'original', store))?.text).toBe('typed after the clock went back');
  });

  it('a journal back at the original text deletes the copy; with a store in memory the journal stays', async () => {
    const disk = { ...memoryDb(), inMemory: false };
    const store = fakeStorage();
    await disk.put(record('edited', 10));
    writeJournal(record('original', 20), store);
    expect(await savedOrJournal(disk, 'repo:welcome', 'original', store)).toBeUndefined();
    expect(await disk.get('repo:welcome')).toBeUndefined();
    expect(store.items.size).toBe(0);
    const memory = memoryDb();
    writeJournal(record('only in the journal', 5), store);
    expect((await savedOrJournal(memory, 'repo:welcome', 'original', store))?.text).toBe('only in the journal');
    expect(readJournal('repo:welcome', store)?.text).toBe('only in the journal');
  });
});
