/**
 * What byte-pair encoding and WordPiece share: a corpus as distinct words with their counts,
 * each word a sequence of symbols, adjacent pairs counted over the corpus, and a merge that
 * fuses one pair wherever it occurs.
 */
import { compareCodePoints } from './analyzer.ts';
import { wordTokenize } from './tokenize.ts';
import { fail } from '../core/validate.ts';

/** A distinct word of the corpus: how often it occurs and its current split into symbols. */
export interface SplitWord {
  word: string;
  count: number;
  symbols: string[];
}

/** A pair of adjacent symbols and how often it occurs in the corpus (words weighted by count). */
export interface PairCount {
  pair: [string, string];
  count: number;
}

/** Splits text into words the way both trainers and encoders do: words and punctuation marks. */
export function preTokenize(text: string, lowercase: boolean): string[] {
  return wordTokenize(lowercase ? text.toLowerCase() : text);
}

/** The distinct words of `docs` with their counts, in order of first appearance. */
export function countWords(docs: readonly string[], lowercase: boolean, where: string): Map<string, number> {
  if (!Array.isArray(docs)) fail(where, `docs must be an array of strings, got ${typeof docs}`);
  const counts = new Map<string, number>();
  docs.forEach((doc, i) => {
    if (typeof doc !== 'string') fail(where, `docs[${i}] must be a string, got ${typeof doc}`);
    for (const w of preTokenize(doc, lowercase)) counts.set(w, (counts.get(w) ?? 0) + 1);
  });
  if (counts.size === 0) fail(where, `the documents contain no words to learn from`);
  return counts;
}

/** The characters of a word (code points, so an emoji is one symbol). */
export function characters(word: string): string[] {
  return Array.from(word);
}

const pairKey = (a: string, b: string) => `${a} ${b}`; // symbols never hold spaces: words are split at them

/**
 * Every adjacent pair's count over the corpus, sorted by count (highest first), ties in code-point
 * order of the pair: the order both trainers pick merges in.
 */
export function countPairs(words: readonly SplitWord[]): PairCount[] {
  const counts = new Map<string, PairCount>();
  for (const { symbols, count } of words) {
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = pairKey(symbols[i], symbols[i + 1]);
      const entry = counts.get(key);
      if (entry) entry.count += count;
      else counts.set(key, { pair: [symbols[i], symbols[i + 1]], count });
    }
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || comparePairs(x.pair, y.pair));
}

/** Code-point order of pairs: by the left symbol, then the right. */
export function comparePairs(x: readonly [string, string], y: readonly [string, string]): number {
  return compareCodePoints(x[0], y[0]) || compareCodePoints(x[1], y[1]);
}

/** How often each symbol occurs over the corpus (words weighted by count). */
export function countSymbols(words: readonly SplitWord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { symbols, count } of words) for (const s of symbols) counts.set(s, (counts.get(s) ?? 0) + count);
  return counts;
}

/** `symbols` with every occurrence of the pair (a, b), scanned left to right, fused into `joined`. */
export function mergePair(symbols: readonly string[], a: string, b: string, joined: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
      out.push(joined);
      i++;
    } else out.push(symbols[i]);
  }
  return out;
}

/** The number of symbols in the whole corpus: Σ count × length of split. */
export function corpusLength(words: readonly SplitWord[]): number {
  return words.reduce((n, w) => n + w.count * w.symbols.length, 0);
}

/** Symbols in code-point order. */
export function sortSymbols(symbols: Iterable<string>): string[] {
  return [...symbols].sort(compareCodePoints);
}
