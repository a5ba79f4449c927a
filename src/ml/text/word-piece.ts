import { checkFitted, checkPositiveInt, fail } from '../core/validate.ts';
import { characters, comparePairs, corpusLength, countPairs, countSymbols, countWords, mergePair, preTokenize, sortSymbols, type SplitWord } from './subword-corpus.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface WordPieceParams {
  /** How many merges to learn (fewer if no pair occurs minFrequency times any more). */
  nMerges: number;
  /** A pair is merged only if it occurs at least this often. */
  minFrequency: number;
  lowercase: boolean;
  /** Marks a token that continues a word (BERT's "##"): "##ing" differs from "ing" at a word's start. */
  continuingSubwordPrefix: string;
  /** Stands for a word that cannot be spelled with the vocabulary. */
  unkToken: string;
}

/** A pair with its count and WordPiece score count(ab) / (count(a) · count(b)). */
export interface PairScore {
  pair: [string, string];
  count: number;
  score: number;
}

/** One merge of training, as plain data. */
export interface WordPieceStep {
  merge: number;
  /** The pair merged: the highest score (ties: higher count, then code-point order). */
  pair: [string, string];
  token: string;
  count: number;
  score: number;
  /** Every pair allowed by minFrequency before this merge, best score first. */
  pairScores: PairScore[];
  words: SplitWord[];
  vocabularySize: number;
  corpusLength: number;
}

const DEFAULTS: WordPieceParams = { nMerges: 100, minFrequency: 2, lowercase: true, continuingSubwordPrefix: '##', unkToken: '[UNK]' };

/**
 * WordPiece (Schuster & Nakajima, 2012; BERT's tokeniser), trained as BPE is but scoring a pair
 * by count(ab) / (count(a) · count(b)) instead of count(ab): it merges pairs whose parts occur
 * mostly together, not merely often. Every symbol but a word's first carries the prefix "##".
 * Encoding is greedy: the longest token in the vocabulary that starts the rest of the word, and
 * the whole word becomes unkToken if some part cannot be matched.
 */
export class WordPiece {
  readonly params: Readonly<WordPieceParams>;
  merges?: [string, string][];
  /** token → id: the base symbols (code-point order), then one token per merge. */
  vocabulary?: Record<string, number>;
  words?: SplitWord[];

  constructor(params: Partial<WordPieceParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  fit(docs: readonly string[]): this {
    runToEnd(this.steps(docs));
    return this;
  }

  /** Training one merge at a time: yields after each merge, then sets the fitted attributes. */
  *steps(docs: readonly string[]): Generator<WordPieceStep, this> {
    const where = 'WordPiece.fit';
    this.checkParams(where);
    const { continuingSubwordPrefix: prefix, nMerges, minFrequency } = this.params;
    let words: SplitWord[] = [...countWords(docs, this.params.lowercase, where)].map(([word, count]) => ({
      word, count, symbols: characters(word).map((ch, i) => (i === 0 ? ch : prefix + ch)),
    }));
    const vocabulary = sortSymbols(new Set(words.flatMap((w) => w.symbols)));
    const merges: [string, string][] = [];
    while (merges.length < nMerges) {
      const symbolCounts = countSymbols(words);
      // score = count(ab) / (count(a) · count(b)); a product of integers, so equal ratios give equal doubles.
      const pairScores: PairScore[] = countPairs(words).filter((p) => p.count >= minFrequency).map(({ pair, count }) => ({
        pair, count, score: count / (symbolCounts.get(pair[0])! * symbolCounts.get(pair[1])!),
      })).sort((x, y) => y.score - x.score || y.count - x.count || comparePairs(x.pair, y.pair));
      const best = pairScores[0];
      if (best === undefined) break;
      const [a, b] = best.pair;
      const token = a + (b.startsWith(prefix) ? b.slice(prefix.length) : b);
      words = words.map((w) => ({ ...w, symbols: mergePair(w.symbols, a, b, token) }));
      merges.push([a, b]);
      if (!vocabulary.includes(token)) vocabulary.push(token);
      yield {
        merge: merges.length, pair: [a, b], token, count: best.count, score: best.score, pairScores,
        words: words.map((w) => ({ ...w, symbols: w.symbols.slice() })),
        vocabularySize: vocabulary.length, corpusLength: corpusLength(words),
      };
    }
    this.merges = merges;
    this.vocabulary = Object.fromEntries(vocabulary.map((t, i) => [t, i]));
    this.words = words;
    return this;
  }

  /** The tokens of `text`, each word split greedily into the longest tokens of the vocabulary. */
  encode(text: string): string[] {
    const where = 'WordPiece.encode';
    if (typeof text !== 'string') fail(where, `expected a string, got ${typeof text}`);
    const vocabulary = checkFitted(this.vocabulary, where);
    return preTokenize(text, this.params.lowercase).flatMap((word) => this.encodeWord(word, vocabulary));
  }

  /** The text of `tokens`: a token with the prefix joins the one before it; others start a new word. */
  decode(tokens: readonly string[]): string {
    if (!Array.isArray(tokens)) fail('WordPiece.decode', 'tokens must be an array of strings (what encode returns)');
    const prefix = this.params.continuingSubwordPrefix;
    return tokens.map((t, i) => (t.startsWith(prefix) ? t.slice(prefix.length) : i === 0 ? t : ` ${t}`)).join('');
  }

  private encodeWord(word: string, vocabulary: Record<string, number>): string[] {
    const chars = characters(word);
    const prefix = this.params.continuingSubwordPrefix;
    const tokens: string[] = [];
    for (let start = 0; start < chars.length;) {
      // The longest piece chars[start, end) in the vocabulary ("##" added after the first).
      let end = chars.length, piece: string | undefined;
      for (; end > start; end--) {
        const candidate = (start > 0 ? prefix : '') + chars.slice(start, end).join('');
        if (candidate in vocabulary) { piece = candidate; break; }
      }
      if (piece === undefined) return [this.params.unkToken];
      tokens.push(piece);
      start = end;
    }
    return tokens;
  }

  private checkParams(where: string): void {
    const p = this.params;
    checkPositiveInt(p.nMerges, where, 'nMerges', 0);
    checkPositiveInt(p.minFrequency, where, 'minFrequency', 1);
    if (typeof p.lowercase !== 'boolean') fail(where, `lowercase must be true or false, got ${String(p.lowercase)}`);
    if (typeof p.continuingSubwordPrefix !== 'string' || p.continuingSubwordPrefix.length === 0 || /\s/.test(p.continuingSubwordPrefix)) {
      fail(where, `continuingSubwordPrefix must be a non-empty string without spaces, got ${JSON.stringify(p.continuingSubwordPrefix)}`);
    }
    if (typeof p.unkToken !== 'string' || p.unkToken.length === 0) fail(where, `unkToken must be a non-empty string, got ${JSON.stringify(p.unkToken)}`);
  }
}
