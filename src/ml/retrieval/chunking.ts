import { checkPositiveInt, fail } from '../core/validate.ts';

/**
 * A piece of a document that is indexed and retrieved on its own. `start` and `end` are character
 * offsets into the document (`text === document.slice(start, end)`), so a chunk can be drawn along
 * its document and tested for containing a labelled answer.
 */
export interface Chunk {
  /** Index of the document the chunk was cut from. */
  doc: number;
  text: string;
  start: number;
  end: number;
}

/** How to cut documents into chunks. */
export type ChunkStrategy =
  | { by: 'words'; size: number; overlap: number }
  | { by: 'sentences'; maxWords: number }
  | { by: 'paragraphs' };

/** Words (runs of non-space characters) with their character offsets. */
function words(text: string): { start: number; end: number }[] {
  return Array.from(text.matchAll(/\S+/g), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

function chunkOf(text: string, doc: number, start: number, end: number): Chunk {
  return { doc, text: text.slice(start, end), start, end };
}

/**
 * Fixed-size windows of `size` words, each starting `size − overlap` words after the previous one.
 * Overlap repeats the end of one window at the start of the next, so a fact that straddles a
 * boundary is whole in at least one window when it is at most `overlap + 1` words long.
 */
export function chunkWords(text: string, { size, overlap }: { size: number; overlap: number }, doc = 0): Chunk[] {
  const where = 'chunkWords';
  checkPositiveInt(size, where, 'size');
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    fail(where, `overlap must be a whole number from 0 to size − 1 = ${size - 1}, got ${overlap}`);
  }
  const ws = words(text);
  const step = size - overlap;
  const chunks: Chunk[] = [];
  for (let first = 0; first < ws.length; first += step) {
    const last = Math.min(first + size, ws.length) - 1;
    chunks.push(chunkOf(text, doc, ws[first].start, ws[last].end));
    // The window reached the last word: a further one would only repeat its tail.
    if (last === ws.length - 1) break;
  }
  return chunks;
}

/** Sentences with their character offsets: a sentence ends at . ! or ? followed by a space or the end ("2.5" does not end one). */
export function splitSentences(text: string): { start: number; end: number }[] {
  return Array.from(text.matchAll(/\S[^]*?(?:[.!?](?=\s|$)|$)/g), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Whole sentences packed greedily into chunks of at most `maxWords` words (a longer sentence is a
 * chunk of its own), so no chunk cuts a sentence in half.
 */
export function chunkSentences(text: string, { maxWords }: { maxWords: number }, doc = 0): Chunk[] {
  checkPositiveInt(maxWords, 'chunkSentences', 'maxWords');
  const chunks: Chunk[] = [];
  let open: { start: number; end: number; words: number } | undefined;
  for (const s of splitSentences(text)) {
    const n = words(text.slice(s.start, s.end)).length;
    if (open && open.words + n <= maxWords) {
      open.end = s.end;
      open.words += n;
      continue;
    }
    if (open) chunks.push(chunkOf(text, doc, open.start, open.end));
    open = { ...s, words: n };
  }
  if (open) chunks.push(chunkOf(text, doc, open.start, open.end));
  return chunks;
}

/** One chunk per paragraph (paragraphs are separated by a blank line). */
export function chunkParagraphs(text: string, doc = 0): Chunk[] {
  const chunks: Chunk[] = [];
  for (const m of text.matchAll(/\S(?:[^]*?\S)?(?=\s*\n\s*\n|\s*$)/g)) chunks.push(chunkOf(text, doc, m.index, m.index + m[0].length));
  return chunks;
}

/** Every document cut by one strategy, in document order (chunk.doc says which document). */
export function chunkDocuments(documents: readonly string[], strategy: ChunkStrategy): Chunk[] {
  return documents.flatMap((text, doc) => {
    switch (strategy.by) {
      case 'words': return chunkWords(text, strategy, doc);
      case 'sentences': return chunkSentences(text, strategy, doc);
      case 'paragraphs': return chunkParagraphs(text, doc);
      default: return fail('chunkDocuments', `unknown strategy ${JSON.stringify((strategy as { by: unknown }).by)}; use 'words', 'sentences' or 'paragraphs'`);
    }
  });
}

/** Whether a chunk holds the whole span [start, end) of document `doc` (a labelled answer, say). */
export function chunkContains(chunk: Chunk, doc: number, start: number, end: number): boolean {
  return chunk.doc === doc && chunk.start <= start && chunk.end >= end;
}
