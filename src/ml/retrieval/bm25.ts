import { checkFitted, fail } from '../core/validate.ts';
import { buildAnalyzer, type AnalyzerOptions } from '../text/analyzer.ts';

export interface BM25Params {
  /** How fast a term's repeats saturate: 0 counts a term once however often it occurs; large k1 is close to raw counts. */
  k1: number;
  /** How much a long document is penalised: 0 ignores length, 1 divides term frequency by the full length ratio |d|/avgdl. */
  b: number;
  lowercase: boolean;
  stopWords: AnalyzerOptions['stopWords'];
}

const defaults: BM25Params = { k1: 1.5, b: 0.75, lowercase: true, stopWords: 'english' };

/** One query term's part of a document's BM25 score. */
export interface BM25TermScore {
  term: string;
  /** Occurrences of the term in the document, f(t, d). */
  tf: number;
  idf: number;
  /** idf · f(k1 + 1) / (f + k1(1 − b + b·|d|/avgdl)). */
  score: number;
}

/**
 * Okapi BM25, the ranking function of Lucene and Elasticsearch:
 *   score(q, d) = Σ_{t ∈ q} idf(t) · f(t,d)·(k1 + 1) / (f(t,d) + k1·(1 − b + b·|d|/avgdl))
 *   idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))   (Lucene's idf, never negative)
 * with N documents, n(t) of them containing t, |d| the document's length in terms and avgdl the
 * mean length. Each distinct query term counts once. Terms come from the same analyser as
 * CountVectorizer (lower-case, scikit-learn's tokens, English stop words dropped by default).
 */
export class BM25 {
  readonly params: Readonly<BM25Params>;
  /** Per document: term → occurrences, after fit. */
  termCounts?: Map<string, number>[];
  /** Per document: its length in terms, after fit. */
  docLengths?: number[];
  avgDocLength?: number;
  /** Number of documents containing each term, after fit. */
  documentFrequency?: Map<string, number>;
  private analyze: (doc: string) => string[];

  constructor(params: Partial<BM25Params> = {}) {
    this.params = { ...defaults, ...params };
    this.analyze = buildAnalyzer({ lowercase: this.params.lowercase, stopWords: this.params.stopWords, ngramRange: [1, 1] });
  }

  /** Counts the terms of every document. */
  fit(docs: readonly string[]): this {
    const { k1, b } = this.params;
    if (!(k1 >= 0) || !Number.isFinite(k1)) fail('BM25.fit', `k1 must be a number ≥ 0, got ${k1}`);
    if (!(b >= 0 && b <= 1)) fail('BM25.fit', `b must be a number in [0, 1], got ${b}`);
    if (docs.length === 0) fail('BM25.fit', 'needs at least one document');
    this.termCounts = docs.map((doc) => {
      const counts = new Map<string, number>();
      for (const t of this.analyze(doc)) counts.set(t, (counts.get(t) ?? 0) + 1);
      return counts;
    });
    this.docLengths = this.termCounts.map((c) => [...c.values()].reduce((s, v) => s + v, 0));
    this.avgDocLength = this.docLengths.reduce((s, v) => s + v, 0) / docs.length;
    this.documentFrequency = new Map();
    for (const counts of this.termCounts) for (const t of counts.keys()) this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1);
    return this;
  }

  /** idf(t) = ln(1 + (N − n + 0.5)/(n + 0.5)); a term in no document gets the largest idf but scores 0 anyway. */
  idf(term: string): number {
    const df = checkFitted(this.documentFrequency, 'BM25.idf');
    const N = this.termCounts!.length, n = df.get(term) ?? 0;
    return Math.log(1 + (N - n + 0.5) / (n + 0.5));
  }

  /** The distinct terms of a query, in order of first appearance. */
  queryTerms(query: string): string[] {
    return [...new Set(this.analyze(query))];
  }

  /** Each query term's part of document `doc`'s score (they add up to score(query)[doc]). */
  explain(query: string, doc: number): BM25TermScore[] {
    const counts = checkFitted(this.termCounts, 'BM25.explain');
    if (!Number.isInteger(doc) || doc < 0 || doc >= counts.length) fail('BM25.explain', `doc must be an index from 0 to ${counts.length - 1}, got ${doc}`);
    return this.termScores(this.queryTerms(query).map((term) => ({ term, idf: this.idf(term) })), doc);
  }

  /** The BM25 score of every document for a query. */
  score(query: string): number[] {
    const counts = checkFitted(this.termCounts, 'BM25.score');
    // The query is analysed and its idfs looked up once, not once per document.
    const terms = this.queryTerms(query).map((term) => ({ term, idf: this.idf(term) }));
    return counts.map((_, d) => this.termScores(terms, d).reduce((s, t) => s + t.score, 0));
  }

  private termScores(terms: readonly { term: string; idf: number }[], doc: number): BM25TermScore[] {
    const { k1, b } = this.params;
    // The length normaliser 1 − b + b·|d|/avgdl: above 1 for a longer-than-average document.
    const norm = 1 - b + b * this.docLengths![doc] / this.avgDocLength!;
    return terms.map(({ term, idf }) => {
      const tf = this.termCounts![doc].get(term) ?? 0;
      return { term, tf, idf, score: tf === 0 ? 0 : idf * tf * (k1 + 1) / (tf + k1 * norm) };
    });
  }
}
