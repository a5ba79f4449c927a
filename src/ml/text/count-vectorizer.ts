import { checkFitted, checkOneOf, fail } from '../core/validate.ts';
import { buildAnalyzer, compareCodePoints, type AnalyzerOptions } from './analyzer.ts';

export interface CountVectorizerParams extends AnalyzerOptions {
  /**
   * Keep terms in at least this many documents (a whole number ≥ 1) or this proportion of
   * documents (a number in [0, 1)). Default 1.
   */
  minDf: number;
  /**
   * Drop terms in more than this proportion of documents (a number in [0, 1]) or this many
   * documents (a whole number > 1). Default 1 = 100 %, scikit-learn's `max_df=1.0`.
   */
  maxDf: number;
  /** Keep only the most frequent terms (by count over the corpus); null keeps all. */
  maxFeatures: number | null;
  /** Record 1 for "term present" instead of its count. */
  binary: boolean;
}

const DEFAULTS: CountVectorizerParams = {
  lowercase: true,
  stopWords: null,
  ngramRange: [1, 1],
  minDf: 1,
  maxDf: 1,
  maxFeatures: null,
  binary: false,
};

/** Term counts of one document: column index → count (documents are short; most counts are 0). */
type SparseRow = Map<number, number>;

/**
 * Bag of words, as scikit-learn's CountVectorizer: `fit` learns a vocabulary (sorted terms),
 * `transform` counts each term per document. Rows are documents, columns are terms.
 */
export class CountVectorizer {
  readonly params: Readonly<CountVectorizerParams>;
  /** term → column index, after fit. */
  vocabulary?: Record<string, number>;
  /** Terms dropped by minDf, maxDf or maxFeatures (scikit-learn's `stop_words_`). */
  stopWords?: string[];
  private features?: string[];
  private columns?: Map<string, number>;
  /** The class name for error messages (spelled out: minified builds rename classes). */
  protected readonly estimatorName: string = 'CountVectorizer';

  constructor(params: Partial<CountVectorizerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns the vocabulary from `docs`. */
  fit(docs: readonly string[]): this {
    this.fitTransform(docs);
    return this;
  }

  /** Learns the vocabulary and returns the document–term count matrix. */
  fitTransform(docs: readonly string[]): number[][] {
    const where = `${this.estimatorName}.fit`;
    checkDocs(docs, where);
    const { minDocs, maxDocs } = this.checkParams(docs.length, where);
    const analyze = buildAnalyzer(this.params);

    // Count every term, numbering terms in order of first appearance.
    const index = new Map<string, number>();
    const names: string[] = [];
    const rows: SparseRow[] = docs.map((doc) => {
      const row: SparseRow = new Map();
      for (const term of analyze(doc)) {
        let j = index.get(term);
        if (j === undefined) {
          j = names.length;
          index.set(term, j);
          names.push(term);
        }
        row.set(j, this.params.binary ? 1 : (row.get(j) ?? 0) + 1);
      }
      return row;
    });
    if (names.length === 0) fail(where, 'empty vocabulary; perhaps the documents only contain stop words or one-letter tokens');

    // Document frequency df(t) and total count of each term (scikit-learn ranks maxFeatures by the latter).
    const df = new Array<number>(names.length).fill(0);
    const total = new Array<number>(names.length).fill(0);
    for (const row of rows) {
      for (const [j, c] of row) {
        df[j] += 1;
        total[j] += c;
      }
    }
    let kept = names.map((_, j) => j).filter((j) => df[j] >= minDocs && df[j] <= maxDocs);
    if (this.params.maxFeatures !== null && kept.length > this.params.maxFeatures) {
      // Most frequent first; ties broken alphabetically so the choice is deterministic.
      kept = kept.sort((a, b) => total[b] - total[a] || compareCodePoints(names[a], names[b])).slice(0, this.params.maxFeatures);
    }
    if (kept.length === 0) fail(where, 'after pruning, no terms remain; try a lower minDf or a higher maxDf');

    const keptSet = new Set(kept);
    this.stopWords = names.filter((_, j) => !keptSet.has(j)).sort(compareCodePoints);
    this.features = kept.map((j) => names[j]).sort(compareCodePoints);
    this.columns = new Map(this.features.map((t, i) => [t, i]));
    this.vocabulary = Object.fromEntries(this.columns);
    const column = new Map(this.features.map((t, i) => [index.get(t)!, i]));
    return rows.map((row) => toDense(row, column, this.features!.length));
  }

  /** The document–term count matrix of `docs` over the fitted vocabulary (unknown terms are ignored). */
  transform(docs: readonly string[]): number[][] {
    const where = `${this.estimatorName}.transform`;
    const columns = checkFitted(this.columns, where);
    checkDocs(docs, where);
    const analyze = buildAnalyzer(this.params);
    const width = columns.size;
    return docs.map((doc) => {
      const row = new Array<number>(width).fill(0);
      for (const term of analyze(doc)) {
        const j = columns.get(term);
        if (j !== undefined) row[j] = this.params.binary ? 1 : row[j] + 1;
      }
      return row;
    });
  }

  /** The terms, in column order. */
  getFeatureNamesOut(): string[] {
    return checkFitted(this.features, `${this.estimatorName}.getFeatureNamesOut`).slice();
  }

  /** Checks every option and turns minDf / maxDf into document counts for `nDocs` documents. */
  private checkParams(nDocs: number, where: string): { minDocs: number; maxDocs: number } {
    const p = this.params;
    if (typeof p.lowercase !== 'boolean') fail(where, `lowercase must be true or false, got ${String(p.lowercase)}`);
    if (typeof p.binary !== 'boolean') fail(where, `binary must be true or false, got ${String(p.binary)}`);
    if (p.stopWords !== null && !Array.isArray(p.stopWords)) checkOneOf(p.stopWords as 'english', ['english'], where, 'stopWords');
    const [lo, hi] = Array.isArray(p.ngramRange) ? p.ngramRange : [NaN, NaN];
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi < lo) {
      fail(where, `ngramRange must be [min, max] with 1 ≤ min ≤ max, got ${JSON.stringify(p.ngramRange)}`);
    }
    if (p.maxFeatures !== null && (!Number.isInteger(p.maxFeatures) || p.maxFeatures < 1)) {
      fail(where, `maxFeatures must be a whole number ≥ 1 or null, got ${p.maxFeatures}`);
    }
    // A proportion p of n documents means p·n documents (scikit-learn compares df with p·n directly).
    const minDocs = p.minDf >= 0 && p.minDf < 1 ? p.minDf * nDocs
      : Number.isInteger(p.minDf) ? p.minDf
        : fail(where, `minDf must be a proportion in [0, 1) or a whole number of documents ≥ 1, got ${p.minDf}`);
    const maxDocs = p.maxDf >= 0 && p.maxDf <= 1 ? p.maxDf * nDocs
      : Number.isInteger(p.maxDf) || p.maxDf === Infinity ? p.maxDf
        : fail(where, `maxDf must be a proportion in [0, 1] or a whole number of documents > 1, got ${p.maxDf}`);
    if (maxDocs < minDocs) fail(where, `maxDf (${p.maxDf}) allows fewer documents than minDf (${p.minDf}); raise maxDf or lower minDf`);
    return { minDocs, maxDocs };
  }
}

function checkDocs(docs: readonly string[], where: string): void {
  if (typeof docs === 'string') fail(where, 'expected an array of documents, got a single string; wrap it: [text]');
  if (!Array.isArray(docs)) fail(where, `expected an array of strings (documents), got ${typeof docs}`);
  docs.forEach((d, i) => {
    if (typeof d !== 'string') fail(where, `document ${i} is ${d === null ? 'null' : typeof d}, expected a string`);
  });
}

function toDense(row: SparseRow, column: Map<number, number>, width: number): number[] {
  const out = new Array<number>(width).fill(0);
  for (const [j, c] of row) {
    const k = column.get(j);
    if (k !== undefined) out[k] = c;
  }
  return out;
}
