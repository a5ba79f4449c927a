import { describe, expect, it } from 'vitest';
import { storageMessage, storageProblem } from '../../src/store/storage-error.ts';
import { notebookFileName } from '../../src/store/files.ts';
import { memoryDb } from '../../src/store/notebook-db.ts';

describe('storageProblem', () => {
  it('tells a full quota from an unavailable store from anything else', () => {
    expect(storageProblem(Object.assign(new Error(), { name: 'QuotaExceededError' }))).toBe('quota');
    expect(storageProblem(Object.assign(new Error(), { name: 'SecurityError' }))).toBe('unavailable');
    expect(storageProblem(new TypeError('x'))).toBe('other');
    expect(storageProblem(null)).toBe('other');
  });

  it('says what happened when the saved data is from a newer version or an old tab blocks the upgrade', () => {
    expect(storageProblem(Object.assign(new Error(), { name: 'VersionError' }))).toBe('newer-version');
    expect(storageProblem(Object.assign(new Error(), { name: 'BlockedError' }))).toBe('blocked');
    expect(storageMessage('newer-version')).toMatch(/newer version of Stepwise.*reload/);
    expect(storageMessage('newer-version')).not.toContain('private window');
    expect(storageMessage('blocked')).toMatch(/Another Stepwise tab.*close or reload/);
  });

  it('storageMessage tells the learner what to do', () => {
    expect(storageMessage('quota')).toMatch(/storage is full.*Download/);
    expect(storageMessage('unavailable')).toMatch(/private window.*Download/);
    expect(storageMessage('other', 'disk error')).toContain('(disk error)');
  });
});

describe('notebookFileName', () => {
  it('makes a safe .md name from a slug or a title', () => {
    expect(notebookFileName('k-means')).toBe('k-means.md');
    expect(notebookFileName('Gradient descent: a first look!')).toBe('gradient-descent-a-first-look.md');
    expect(notebookFileName('Régression linéaire')).toBe('régression-linéaire.md');
    expect(notebookFileName('???')).toBe('notebook.md');
  });
});

describe('memoryDb', () => {
  it('keeps records by key, as IndexedDB does', async () => {
    const db = memoryDb();
    expect(db.inMemory).toBe(true);
    await db.put({ key: 'repo:a', text: 't', origin: 'repo', title: 'A', savedAt: 1 });
    expect((await db.get('repo:a'))?.text).toBe('t');
    await db.delete('repo:a');
    expect(await db.get('repo:a')).toBeUndefined();
  });
});
