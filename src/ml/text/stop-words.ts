import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import { fail } from '../core/validate.ts';

/**
 * The tokens that are not stop words, compared case-insensitively: `removeStopWords(['The',
 * 'cat', 'sat'])` → `['cat', 'sat']`. Uses scikit-learn's English list unless given another.
 */
export function removeStopWords(tokens: readonly string[], stopWords: Iterable<string> = ENGLISH_STOP_WORDS): string[] {
  if (!Array.isArray(tokens)) fail('removeStopWords', 'tokens must be an array of strings (tokenize the text first)');
  // The built-in list is already lower case; a learner's own list is lower-cased once here.
  const stop = stopWords === ENGLISH_STOP_WORDS ? ENGLISH_STOP_WORDS : new Set(Array.from(stopWords, (w) => w.toLowerCase()));
  return tokens.filter((t) => !stop.has(t.toLowerCase()));
}
