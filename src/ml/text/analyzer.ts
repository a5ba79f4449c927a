import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import { tokenize } from './tokenize.ts';

/** How a document becomes a list of terms (scikit-learn's `build_analyzer` for analyzer='word'). */
export interface AnalyzerOptions {
  lowercase: boolean;
  stopWords: 'english' | readonly string[] | null;
  ngramRange: readonly [number, number];
}

/**
 * Word n-grams of a token list, joined by spaces, in scikit-learn's order: all n = min
 * n-grams first, then n = min+1, …: `wordNgrams(['a','b','c'], [1, 2])` → a, b, c, a b, b c.
 */
export function wordNgrams(tokens: readonly string[], [minN, maxN]: readonly [number, number]): string[] {
  const out: string[] = [];
  for (let n = minN; n <= maxN; n++) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  }
  return out;
}

/**
 * The function CountVectorizer applies to each document: lower-case → tokenize → drop stop
 * words → n-grams. Stop words go before n-grams are formed, as in scikit-learn, so
 * "the cat" never appears when "the" is a stop word.
 */
export function buildAnalyzer(options: AnalyzerOptions): (doc: string) => string[] {
  const stop = options.stopWords === null ? null
    : options.stopWords === 'english' ? ENGLISH_STOP_WORDS
      : new Set(options.stopWords);
  return (doc) => {
    const text = options.lowercase ? doc.toLowerCase() : doc;
    let tokens = tokenize(text);
    if (stop !== null) tokens = tokens.filter((t) => !stop.has(t));
    return wordNgrams(tokens, options.ngramRange);
  };
}

/**
 * Python's string order (by code point), which scikit-learn uses to sort feature names. JavaScript's
 * `<` compares UTF-16 code units, which differs only where an astral character (a surrogate pair,
 * 0xD800–0xDFFF) meets a character from 0xE000 up; so units are compared until the first
 * difference, and only there is the code point read.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    // A low surrogate here follows the same high surrogate in both strings: its unit order is the code point order.
    if (isLowSurrogate(x) || isLowSurrogate(y)) return x - y;
    return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
