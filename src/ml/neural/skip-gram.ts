import { toRandom, type Random } from '../core/random.ts';
import { checkFitted, checkPositiveInt, fail } from '../core/validate.ts';
import { tokenize } from '../text/tokenize.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface SkipGramParams {
  /** Context words on each side of the centre word. */
  window: number;
  /** Length of each word vector. */
  embeddingDim: number;
  /** Negative (noise) words drawn per true context word. */
  negative: number;
  /** Passes over the corpus. */
  epochs: number;
  /** Starting SGD step size; it decays linearly to 0.01 % of itself by the last step, as in word2vec. */
  learningRate: number;
  /** Words seen fewer times are left out of the vocabulary. */
  minCount: number;
  seed: number;
}

const DEFAULTS: SkipGramParams = { window: 2, embeddingDim: 16, negative: 5, epochs: 100, learningRate: 0.025, minCount: 1, seed: 0 };

/** State after one epoch: the mean loss per (centre, context) pair. */
export interface SkipGramStep {
  epoch: number;
  loss: number;
  learningRate: number;
}

/** A word and how close it is (cosine similarity, in [−1, 1]). */
export interface WordSimilarity { word: string; similarity: number }

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * word2vec skip-gram with negative sampling (Mikolov et al., 2013): each word's vector is
 * trained to predict the words around it, σ(v_w·u_c) → 1 for true context words c and → 0 for
 * `negative` random words drawn from the unigram distribution to the power ¾.
 */
export class SkipGram {
  readonly params: Readonly<SkipGramParams>;
  /** The words, most frequent first; row i of `embeddings` belongs to vocabulary[i]. */
  vocabulary?: string[];
  /** The learned (input) word vectors, one row per vocabulary word. */
  embeddings?: number[][];
  private index?: Map<string, number>;

  constructor(params: Partial<SkipGramParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Trains on sentences (strings are lower-cased and tokenized; token arrays are used as given). */
  fit(sentences: readonly (string | readonly string[])[]): this {
    runToEnd(this.steps(sentences));
    return this;
  }

  /** The training loop, one yield per epoch; `fit` runs it to the end. */
  *steps(sentences: readonly (string | readonly string[])[]): Generator<SkipGramStep, void, undefined> {
    const where = 'SkipGram.fit';
    const p = this.params;
    for (const name of ['window', 'embeddingDim', 'negative', 'epochs', 'minCount'] as const) checkPositiveInt(p[name], where, name);
    if (!(p.learningRate > 0)) fail(where, `learningRate must be > 0, got ${p.learningRate}`);
    if (!Array.isArray(sentences) || sentences.length === 0) fail(where, 'expected a non-empty array of sentences');
    const random = toRandom(p.seed);
    const { vocabulary, counts, corpus } = buildVocabulary(sentences, p.minCount, where);
    const V = vocabulary.length, d = p.embeddingDim;
    // word2vec's start: input vectors small and random, output vectors zero.
    const input = new Float64Array(V * d).map(() => (random.next() - 0.5) / d);
    const output = new Float64Array(V * d);
    const noise = noiseSampler(counts, random);
    this.vocabulary = vocabulary;
    this.index = new Map(vocabulary.map((w, i) => [w, i]));

    const pairsPerEpoch = corpus.reduce((n, s) => n + contextPairs(s.length, p.window), 0);
    const totalPairs = pairsPerEpoch * p.epochs;
    const grad = new Float64Array(d);
    let done = 0;
    for (let epoch = 1; epoch <= p.epochs; epoch++) {
      let loss = 0;
      let lr = p.learningRate;
      for (const sentence of corpus) {
        for (let i = 0; i < sentence.length; i++) {
          const w = sentence[i] * d;
          for (let j = Math.max(0, i - p.window); j <= Math.min(sentence.length - 1, i + p.window); j++) {
            if (j === i) continue;
            lr = p.learningRate * Math.max(1e-4, 1 - done / totalPairs);
            done++;
            grad.fill(0);
            // One true context word (label 1) and `negative` noise words (label 0).
            for (let k = 0; k <= p.negative; k++) {
              const target = k === 0 ? sentence[j] : noise();
              if (k > 0 && target === sentence[j]) continue;
              const label = k === 0 ? 1 : 0;
              const t = target * d;
              let dot = 0;
              for (let a = 0; a < d; a++) dot += input[w + a] * output[t + a];
              const f = sigmoid(dot);
              // loss = −log σ(v·u) for the true word, −log σ(−v·u) for a noise word
              loss -= Math.log(label === 1 ? Math.max(f, 1e-300) : Math.max(1 - f, 1e-300));
              // ∂loss/∂(v·u) = σ(v·u) − label; step g = lr·(label − σ)
              const g = lr * (label - f);
              for (let a = 0; a < d; a++) {
                grad[a] += g * output[t + a];
                output[t + a] += g * input[w + a];
              }
            }
            for (let a = 0; a < d; a++) input[w + a] += grad[a];
          }
        }
      }
      this.embeddings = rowsOf(input, V, d);
      yield { epoch, loss: loss / Math.max(1, pairsPerEpoch), learningRate: lr };
    }
  }

  /** The vector of one word. */
  vector(word: string): number[] {
    const i = this.indexOf(word, 'SkipGram.vector');
    return this.embeddings![i].slice();
  }

  /** Cosine similarity of two words' vectors. */
  similarity(a: string, b: string): number {
    return cosine(this.vector(a), this.vector(b));
  }

  /** The k words whose vectors are closest (by cosine) to `word`'s, excluding the word itself. */
  mostSimilar(word: string, k = 5): WordSimilarity[] {
    return this.nearest(this.vector(word), new Set([word.toLowerCase()]), k);
  }

  /**
   * "a is to b as c is to ?": the words nearest to b − a + c (on unit vectors, as gensim does),
   * excluding a, b and c. `analogy('man', 'king', 'woman')` should give 'queen'.
   */
  analogy(a: string, b: string, c: string, k = 1): WordSimilarity[] {
    const unit = (w: string) => normalize(this.vector(w));
    const [va, vb, vc] = [unit(a), unit(b), unit(c)];
    const target = vb.map((x, i) => x - va[i] + vc[i]);
    return this.nearest(target, new Set([a, b, c].map((w) => w.toLowerCase())), k);
  }

  private nearest(target: number[], exclude: Set<string>, k: number): WordSimilarity[] {
    checkPositiveInt(k, 'SkipGram', 'k');
    return this.vocabulary!
      .map((word, i) => ({ word, similarity: cosine(target, this.embeddings![i]) }))
      .filter((s) => !exclude.has(s.word))
      .sort((x, y) => y.similarity - x.similarity)
      .slice(0, k);
  }

  private indexOf(word: string, where: string): number {
    const index = checkFitted(this.index, where);
    const i = index.get(word.toLowerCase());
    if (i === undefined) fail(where, `"${word}" is not in the vocabulary (${index.size} words seen in training, minCount ${this.params.minCount})`);
    return i;
  }
}

/** Vocabulary sorted by frequency (ties alphabetical), and each sentence as word indices. */
function buildVocabulary(sentences: readonly (string | readonly string[])[], minCount: number, where: string) {
  const tokenized = sentences.map((s, i) => {
    if (typeof s === 'string') return tokenize(s.toLowerCase());
    if (Array.isArray(s)) return s.map((w) => String(w).toLowerCase());
    return fail(where, `sentence ${i} must be a string or an array of words`);
  });
  const freq = new Map<string, number>();
  for (const s of tokenized) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const vocabulary = [...freq.keys()].filter((w) => freq.get(w)! >= minCount)
    .sort((a, b) => freq.get(b)! - freq.get(a)! || (a < b ? -1 : 1));
  if (vocabulary.length < 2) fail(where, `the vocabulary has ${vocabulary.length} word(s) with minCount ${minCount}; give more text or lower minCount`);
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  const corpus = tokenized.map((s) => s.filter((w) => index.has(w)).map((w) => index.get(w)!));
  return { vocabulary, counts: vocabulary.map((w) => freq.get(w)!), corpus };
}

function contextPairs(n: number, window: number): number {
  let pairs = 0;
  for (let i = 0; i < n; i++) pairs += Math.min(n - 1, i + window) - Math.max(0, i - window);
  return pairs;
}

/** Draws noise words with P(w) ∝ count(w)^¾ (flattens the distribution so rare words get drawn too). */
function noiseSampler(counts: number[], random: Random): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const c of counts) cumulative.push((total += c ** 0.75));
  return () => {
    const r = random.next() * total;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

function rowsOf(data: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
}

function normalize(v: number[]): number[] {
  const n = Math.hypot(...v);
  return n === 0 ? v : v.map((x) => x / n);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
