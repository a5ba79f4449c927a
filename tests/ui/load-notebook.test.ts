import { describe, expect, it } from 'vitest';
import { keepLocalNotebook, loadNotebook } from '../../src/ui/notebook/load-notebook.ts';
import { contentHash, memoryDb, repoKey, sha256Hex } from '../../src/store/index.ts';
import { craftedNotebook, genuineNotebook } from '../support/fnv-collision.ts';
import type { CatalogNotebook } from '../../src/ui/catalog/catalog-entry.ts';

const original = '---\ntitle: Demo\n---\n\n```ts\nconst a = 1\n```\n';
const edited = original.replace('const a = 1', 'const a = 2');
const site = (text: string) => (slug: string): CatalogNotebook | undefined =>
  slug === 'demo' ? { slug, title: 'Demo', summary: '', tags: [], load: async () => text } : undefined;

describe('loadNotebook', () => {
  it('a damaged saved copy (text of the wrong type, empty, an unclosed fence) opens the original and says what was wrong', async () => {
    const damaged: [unknown, RegExp][] = [
      [42, /its text is not text but number/],
      ['  \n', /it is empty/],
      [original.replace('```\n', ''), /demo\.md:\d+: .*never closed|demo\.md:\d+:.*fence/],
    ];
    for (const [text, problem] of damaged) {
      const db = memoryDb();
      await db.put({ key: repoKey('demo'), text: text as string, originalHash: contentHash(original), origin: 'repo', title: 'Demo', savedAt: 1 });
      const result = await loadNotebook(db, { kind: 'site', slug: 'demo' }, site(original));
      if (!result.ok) throw new Error(result.message);
      expect(result.loaded.notebook.blocks[0]).toMatchObject({ kind: 'code', source: 'const a = 1' });
      expect(result.loaded.edited).toBe(false);
      expect(result.loaded.damagedCopy?.problem).toMatch(problem);
      expect(result.loaded.damagedCopy?.text).toContain(typeof text === 'string' ? text.trim() : '42');
    }
  });

  it('a damaged local copy falls back to the text as opened', async () => {
    const db = memoryDb();
    await db.put({ key: 'local:abc', text: 7 as unknown as string, originalText: original, origin: 'file', title: 'Demo', savedAt: 1 });
    const result = await loadNotebook(db, { kind: 'local', id: 'abc' }, site(original));
    if (!result.ok) throw new Error(result.message);
    expect(result.loaded.notebook.blocks[0]).toMatchObject({ kind: 'code', source: 'const a = 1' });
    expect(result.loaded.damagedCopy?.problem).toContain('not text');
    await db.put({ key: 'local:def', text: '', origin: 'file', title: 'Demo', savedAt: 1 });
    expect(await loadNotebook(db, { kind: 'local', id: 'def' }, site(original))).toMatchObject({ ok: false, message: expect.stringContaining('damaged: it is empty') });
  });

  it('shows the original when the learner has no copy', async () => {
    const result = await loadNotebook(memoryDb(), { kind: 'site', slug: 'demo' }, site(original));
    expect(result.ok && result.loaded.edited).toBe(false);
    expect(result.ok && result.loaded.untrusted).toBe(false);
  });

  it("shows the learner's saved copy, marked edited", async () => {
    const db = memoryDb();
    await db.put({ key: repoKey('demo'), text: edited, originalHash: contentHash(original), origin: 'repo', title: 'Demo', savedAt: 1 });
    const result = await loadNotebook(db, { kind: 'site', slug: 'demo' }, site(original));
    if (!result.ok) throw new Error(result.message);
    expect(result.loaded.notebook.blocks[0]).toMatchObject({ kind: 'code', source: 'const a = 2' });
    expect(result.loaded.edited).toBe(true);
    expect(result.loaded.originalChanged).toBe(false);
  });

  it('tells when the original changed since the copy was made', async () => {
    const db = memoryDb();
    await db.put({ key: repoKey('demo'), text: edited, originalHash: contentHash(original), origin: 'repo', title: 'Demo', savedAt: 1 });
    const newer = original.replace('const a = 1', 'const a = 10');
    const result = await loadNotebook(db, { kind: 'site', slug: 'demo' }, site(newer));
    expect(result.ok && result.loaded.originalChanged).toBe(true);
    expect(result.ok && result.loaded.copyOf).toBe(contentHash(original));
  });

  it('an unknown slug and a local notebook not in storage give messages that say what to do', async () => {
    const missing = await loadNotebook(memoryDb(), { kind: 'site', slug: 'nope' }, site(original));
    expect(missing).toMatchObject({ ok: false, title: 'Notebook not found' });
    expect(!missing.ok && missing.message).toContain('the index lists every notebook');
    const local = await loadNotebook(memoryDb(), { kind: 'local', id: 'deadbeef' }, site(original));
    expect(!local.ok && local.message).toContain('Open the file or the link again');
  });

  it('a saved copy that no longer parses is reported with its line, and the original opens instead', async () => {
    const db = memoryDb();
    await db.put({ key: repoKey('demo'), text: '---\ntitle: Demo\n---\n\n```ts\nconst a = 1\n', originalHash: contentHash(original), origin: 'repo', title: 'Demo', savedAt: 1 });
    const result = await loadNotebook(db, { kind: 'site', slug: 'demo' }, site(original));
    expect(result.ok).toBe(true);
    expect(result.ok && result.loaded.damagedCopy?.problem).toMatch(/demo\.md:5/);
  });
});

describe('keepLocalNotebook', () => {
  it('keeps a notebook from a link as untrusted, and opening the same link again keeps later edits', async () => {
    const db = memoryDb();
    const id = await keepLocalNotebook(db, original, 'Demo', 'link');
    expect(id).toBe(await sha256Hex(original));
    const first = await loadNotebook(db, { kind: 'local', id }, site(original));
    expect(first.ok && first.loaded.untrusted).toBe(true);
    expect(first.ok && first.loaded.origin).toBe('link');
    const record = (await db.get(`local:${id}`))!;
    await db.put({ ...record, text: edited });
    await keepLocalNotebook(db, original, 'Demo', 'link');
    const again = await loadNotebook(db, { kind: 'local', id }, site(original));
    expect(again.ok && again.loaded.edited).toBe(true);
  });

  it('a crafted notebook sharing the old 32-bit id of another neither replaces it nor is replaced by it', async () => {
    expect(contentHash(craftedNotebook)).toBe(contentHash(genuineNotebook));
    const db = memoryDb();
    const genuineId = await keepLocalNotebook(db, genuineNotebook, 'Genuine lesson', 'link');
    const craftedId = await keepLocalNotebook(db, craftedNotebook, 'Crafted lesson', 'link');
    expect(craftedId).not.toBe(genuineId);
    const texts = await Promise.all([genuineId, craftedId].map(async (id) => {
      const result = await loadNotebook(db, { kind: 'local', id }, site(original));
      return result.ok ? result.loaded.originalText : result.message;
    }));
    expect(texts).toEqual([genuineNotebook, craftedNotebook]);
  });
});
