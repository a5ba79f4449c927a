import { fail } from '../core/validate.ts';
/**
 * Tokenisers. `tokenize` is scikit-learn's default analyser step (token_pattern
 * `(?u)\b\w\w+\b`); `wordTokenize` keeps punctuation as tokens, for showing preprocessing.
 */

// Python's `\w` on str is "alphanumeric or underscore" in the Unicode sense: letters (L*),
// numbers (N*) and '_'. JavaScript's `\w` and `\b` are ASCII-only even with the `u` flag, so
// the class is spelled out.
const WORD_RUN = /[\p{L}\p{N}_]+/gu;

/**
 * Splits text the way scikit-learn's CountVectorizer does by default: maximal runs of word
 * characters, keeping only runs of two or more characters (`(?u)\b\w\w+\b`). No lower-casing.
 */
export function tokenize(text: string): string[] {
  if (typeof text !== 'string') fail('tokenize', `expected a string, got ${typeof text}`);
  const tokens: string[] = [];
  // `\b\w\w+\b` matches a whole run of word characters when the run has ≥ 2 of them.
  for (const match of text.matchAll(WORD_RUN)) {
    if (countCodePoints(match[0]) >= 2) tokens.push(match[0]);
  }
  return tokens;
}

// A word (with inner apostrophes or hyphens: don't, well-known) or a single punctuation mark.
const WORD_OR_PUNCT = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|[^\s\p{L}\p{N}_]/gu;

/**
 * Splits text into words and punctuation marks, keeping every non-space character:
 * `"Don't stop, Bob!"` → `["Don't", "stop", ",", "Bob", "!"]`.
 */
export function wordTokenize(text: string): string[] {
  if (typeof text !== 'string') fail('wordTokenize', `expected a string, got ${typeof text}`);
  return Array.from(text.matchAll(WORD_OR_PUNCT), (m) => m[0]);
}

/** Length in Unicode code points, as Python's len(str) counts (astral characters count once). */
function countCodePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
