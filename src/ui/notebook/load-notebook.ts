/**
 * Finds the text of the notebook a route asks for: a site notebook (the learner's saved copy if
 * there is one) or a local notebook opened from a file or link. Pure of Solid: data in, data out.
 */
import { NotebookFormatError, parseNotebook, type Notebook } from '../../notebook/index.ts';
import { contentHash, localKey, repoKey, savedOrJournal, sha256Hex, type NotebookDb, type SavedNotebook } from '../../store/index.ts';
import type { CatalogNotebook } from '../catalog/catalog-entry.ts';

export type NotebookSource = { kind: 'site'; slug: string } | { kind: 'local'; id: string };

export interface LoadedNotebook {
  source: NotebookSource;
  /** Storage key of the learner's copy. */
  key: string;
  notebook: Notebook;
  /** The text to reset to: the site's file, or the text as first opened. */
  originalText: string;
  /** The notebook shown is the learner's edited copy. */
  edited: boolean;
  /** The site's file changed since the learner's copy was made. */
  originalChanged: boolean;
  /** contentHash of the original the learner's copy was made from (kept on every save). */
  copyOf: string;
  /** Came from a file or link: shown, not run, until the learner runs it. */
  untrusted: boolean;
  origin: SavedNotebook['origin'];
  /** The learner's saved copy could not be used (the original is shown): why, and its text to download. */
  damagedCopy?: { problem: string; text: string };
}

export type LoadResult = { ok: true; loaded: LoadedNotebook } | { ok: false; title: string; message: string };

/** Local notebooks opened in this page, in case storage is not available. */
const openedHere = new Map<string, SavedNotebook>();

/**
 * Keeps a notebook opened from a file or a link; returns its local id, the SHA-256 of its text
 * (a crafted text cannot take the id, and so the place, of another).
 */
export async function keepLocalNotebook(db: NotebookDb, text: string, title: string, origin: 'file' | 'link'): Promise<string> {
  const id = await sha256Hex(text);
  const record: SavedNotebook = { key: localKey(id), text, originalHash: contentHash(text), origin, title, savedAt: Date.now(), originalText: text };
  openedHere.set(record.key, record);
  // The same link opened twice keeps the learner's edits made after the first time.
  if (!(await db.get(record.key))) await db.put(record);
  return id;
}

/** The notebook a route asks for; `findSiteNotebook` looks a slug up in the site's catalog. */
export async function loadNotebook(db: NotebookDb, source: NotebookSource, findSiteNotebook: (slug: string) => CatalogNotebook | undefined): Promise<LoadResult> {
  if (source.kind === 'site') {
    const entry = findSiteNotebook(source.slug);
    if (!entry) {
      return { ok: false, title: 'Notebook not found', message: `There is no notebook called “${source.slug}”. It may have been renamed; the index lists every notebook.` };
    }
    const originalText = await entry.load();
    const key = repoKey(source.slug);
    const file = `${source.slug}.md`;
    const saved = await savedOrJournal(db, key, originalText);
    const problem = saved && damage(saved, file);
    if (problem !== undefined) {
      // A damaged copy must not lock the notebook: the original opens, the copy can be downloaded.
      return parse(originalText, file, {
        source, key, originalText, edited: false, originalChanged: false, copyOf: contentHash(originalText), untrusted: false, origin: 'repo',
        damagedCopy: { problem, text: textOf(saved!) },
      });
    }
    const text = saved?.text ?? originalText;
    return parse(text, file, {
      source, key, originalText, edited: saved !== undefined && saved.text !== originalText,
      originalChanged: saved !== undefined && saved.originalHash !== contentHash(originalText),
      copyOf: saved?.originalHash ?? contentHash(originalText),
      untrusted: false, origin: 'repo',
    });
  }
  const key = localKey(source.id);
  const saved = (await savedOrJournal(db, key)) ?? openedHere.get(key);
  if (!saved) {
    return { ok: false, title: 'Notebook not found', message: 'This notebook was opened from a file in another browser (or this browser’s storage was cleared), so it is not here. Open the file or the link again; to pass a notebook on, use its Share link.' };
  }
  const file = `${typeof saved.title === 'string' && saved.title !== '' ? saved.title : source.id}.md`;
  const problem = damage(saved, file);
  const originalText = typeof saved.originalText === 'string' ? saved.originalText : saved.text;
  const common = { source, key, originalText, originalChanged: false, copyOf: contentHash(String(originalText)), untrusted: true, origin: saved.origin };
  if (problem !== undefined && typeof saved.originalText === 'string') {
    return parse(saved.originalText, file, { ...common, edited: false, damagedCopy: { problem, text: textOf(saved) } });
  }
  if (problem !== undefined) return { ok: false, title: 'This notebook cannot be read', message: `The copy kept in this browser is damaged: ${problem}. Open the file or the link again.` };
  return parse(saved.text, file, { ...common, edited: saved.text !== originalText });
}

/** What is wrong with a stored copy, in words, or undefined when it opens. */
function damage(saved: SavedNotebook, file: string): string | undefined {
  const text: unknown = saved.text;
  if (typeof text !== 'string') return `its text is not text but ${text === null ? 'null' : typeof text}`;
  if (text.trim() === '') return 'it is empty';
  try {
    parseNotebook(text, file);
    return undefined;
  } catch (error) {
    if (error instanceof NotebookFormatError) return error.message;
    throw error;
  }
}

/** A damaged copy's text as it can be downloaded. */
function textOf(saved: SavedNotebook): string {
  const text: unknown = saved.text;
  return typeof text === 'string' ? text : JSON.stringify(text, null, 2) ?? String(text);
}

function parse(text: string, file: string, rest: Omit<LoadedNotebook, 'notebook'>): LoadResult {
  try {
    return { ok: true, loaded: { ...rest, notebook: parseNotebook(text, file) } };
  } catch (error) {
    if (error instanceof NotebookFormatError) return { ok: false, title: 'This notebook cannot be read', message: error.message };
    throw error;
  }
}
