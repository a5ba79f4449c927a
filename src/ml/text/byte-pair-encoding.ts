import { checkFitted, checkPositiveInt, fail } from '../core/validate.ts';
import {
  characters, corpusLength, countPairs, countWords, mergePair, preTokenize, sortSymbols,
  type PairCount, type SplitWord,
} from './subword-corpus.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface BytePairEncodingParams {
  /** How many merges to learn (fewer if no pair occurs minFrequency times any more). */
  nMerges: number;
  /** A pair is merged only if it occurs at least this often. */
  minFrequency: number;
  lowercase: boolean;
  /** Marks the last symbol of a word, so "st" ending a word differs from "st" starting one. */
  endOfWordSuffix: string;
  /** Stands for a character never seen in training. */
  unkToken: string;
}

/** One merge of training, as plain data. */
export interface BytePairEncodingStep {
  /** 1 for the first merge. */
  merge: number;
  /** The pair merged: the most frequent one (ties in code-point order). */
  pair: [string, string];
  /** The new token, the two symbols joined. */
  token: string;
  count: number;
  /** Every pair's count before this merge, highest first. */
  pairCounts: PairCount[];
  /** Each distinct word of the corpus split after this merge. */
  words: SplitWord[];
  /** Base characters + merges so far. */
  vocabularySize: number;
  /** Tokens in the whole training corpus after this merge. */
  corpusLength: number;
}

const DEFAULTS: BytePairEncodingParams = { nMerges: 100, minFrequency: 2, lowercase: true, endOfWordSuffix: '</w>', unkToken: '<unk>' };

/**
 * Byte-pair encoding (Sennrich et al., 2016) over characters: start from each word spelled out,
 * the last character marked with `endOfWordSuffix`; repeatedly merge the most frequent adjacent
 * pair into a new token. Encoding a new word replays the merges in the order they were learned.
 */
export class BytePairEncoding {
  readonly params: Readonly<BytePairEncodingParams>;
  /** The learned merges, in order. */
  merges?: [string, string][];
  /** token → id: the base characters (code-point order), then one token per merge. */
  vocabulary?: Record<string, number>;
  /** The training words split into their final tokens. */
  words?: SplitWord[];
  private ranks?: Map<string, number>;

  constructor(params: Partial<BytePairEncodingParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns the merges from `docs`. */
  fit(docs: readonly string[]): this {
    runToEnd(this.steps(docs));
    return this;
  }

  /** Training one merge at a time: yields after each merge, then sets the fitted attributes. */
  *steps(docs: readonly string[]): Generator<BytePairEncodingStep, this> {
    const where = 'BytePairEncoding.fit';
    this.checkParams(where);
    const { endOfWordSuffix, nMerges, minFrequency } = this.params;
    let words: SplitWord[] = [...countWords(docs, this.params.lowercase, where)].map(([word, count]) => {
      const symbols = characters(word);
      symbols[symbols.length - 1] += endOfWordSuffix;
      return { word, count, symbols };
    });
    const vocabulary = sortSymbols(new Set(words.flatMap((w) => w.symbols)));
    const merges: [string, string][] = [];
    while (merges.length < nMerges) {
      const pairCounts = countPairs(words);
      const best = pairCounts[0];
      if (best === undefined || best.count < minFrequency) break;
      const [a, b] = best.pair;
      const token = a + b;
      words = words.map((w) => ({ ...w, symbols: mergePair(w.symbols, a, b, token) }));
      merges.push([a, b]);
      if (!vocabulary.includes(token)) vocabulary.push(token);
      yield {
        merge: merges.length, pair: [a, b], token, count: best.count, pairCounts,
        words: words.map((w) => ({ ...w, symbols: w.symbols.slice() })),
        vocabularySize: vocabulary.length, corpusLength: corpusLength(words),
      };
    }
    this.merges = merges;
    this.vocabulary = Object.fromEntries(vocabulary.map((t, i) => [t, i]));
    this.words = words;
    this.ranks = new Map(merges.map(([a, b], i) => [`${a} ${b}`, i]));
    return this;
  }

  /** The tokens of `text`: each word spelled out, then merged in the order the merges were learned. */
  encode(text: string): string[] {
    const where = 'BytePairEncoding.encode';
    if (typeof text !== 'string') fail(where, `expected a string, got ${typeof text}`);
    const vocabulary = checkFitted(this.vocabulary, where);
    return preTokenize(text, this.params.lowercase).flatMap((word) => this.encodeWord(word, vocabulary));
  }

  /** The text of `tokens`: joined, with each end-of-word suffix turned back into a space. */
  decode(tokens: readonly string[]): string {
    if (!Array.isArray(tokens)) fail('BytePairEncoding.decode', 'tokens must be an array of strings (what encode returns)');
    return tokens.join('').split(this.params.endOfWordSuffix).join(' ').trim();
  }

  private encodeWord(word: string, vocabulary: Record<string, number>): string[] {
    const ranks = this.ranks!;
    const { endOfWordSuffix, unkToken } = this.params;
    // Spelled out as in training; a character never seen in training becomes unkToken.
    let symbols = characters(word).map((ch, i, all) => {
      const symbol = i === all.length - 1 ? ch + endOfWordSuffix : ch;
      return symbol in vocabulary ? symbol : i === all.length - 1 ? unkToken + endOfWordSuffix : unkToken;
    });
    // Apply the earliest-learned merge present in the word, until none is: the same result as replaying every merge in order.
    for (;;) {
      let bestRank = Infinity, bestAt = -1;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const rank = ranks.get(`${symbols[i]} ${symbols[i + 1]}`);
        if (rank !== undefined && rank < bestRank) { bestRank = rank; bestAt = i; }
      }
      if (bestAt < 0) return symbols;
      const [a, b] = [symbols[bestAt], symbols[bestAt + 1]];
      symbols = mergePair(symbols, a, b, a + b);
    }
  }

  private checkParams(where: string): void {
    const p = this.params;
    checkPositiveInt(p.nMerges, where, 'nMerges', 0);
    checkPositiveInt(p.minFrequency, where, 'minFrequency', 1);
    if (typeof p.lowercase !== 'boolean') fail(where, `lowercase must be true or false, got ${String(p.lowercase)}`);
    if (typeof p.endOfWordSuffix !== 'string' || p.endOfWordSuffix.length === 0 || /\s/.test(p.endOfWordSuffix)) {
      fail(where, `endOfWordSuffix must be a non-empty string without spaces, got ${JSON.stringify(p.endOfWordSuffix)}`);
    }
    if (typeof p.unkToken !== 'string' || p.unkToken.length === 0) fail(where, `unkToken must be a non-empty string, got ${JSON.stringify(p.unkToken)}`);
  }
}
