import { fail, toRows, type MatrixLike } from '../core/validate.ts';
import { checkLabelPair, type Label, type LabelsLike } from './labels.ts';
import { chi2Survival, logChoose } from './special-functions.ts';

/**
 * The 2×2 table McNemar's test reads, for two classifiers scored on the same rows:
 * [[both right, only A right], [only B right, both wrong]].
 */
export function mcnemarTable<L extends Label>(yTrue: LabelsLike<L>, predA: LabelsLike<L>, predB: LabelsLike<L>): number[][] {
  const where = 'mcnemarTable';
  const [t, a] = checkLabelPair(yTrue, predA, where);
  const [, b] = checkLabelPair(yTrue, predB, where);
  const table = [[0, 0], [0, 0]];
  for (let i = 0; i < t.length; i++) table[a[i] === t[i] ? 0 : 1][b[i] === t[i] ? 0 : 1]++;
  // Rows: A right / wrong; columns: B right / wrong. Only-A-right is [0][1], only-B-right [1][0].
  return table;
}

export interface McNemarResult {
  /** Exact: min(b, c). Otherwise (|b − c| − 1)² / (b + c), or (b − c)² / (b + c) without correction. */
  statistic: number;
  pValue: number;
  /** The discordant counts: b = only the first classifier right, c = only the second. */
  b: number;
  c: number;
}

/**
 * McNemar's test that two classifiers have the same error rate on one test set (statsmodels'
 * mcnemar). Only the rows they disagree on count: under the null each is equally likely to go
 * either way, so b ~ Binomial(b + c, ½). exact (default) uses that binomial, two-sided; otherwise
 * the χ²₁ approximation, with the continuity correction unless correction is false.
 */
export function mcnemarTest(table: MatrixLike, options: { exact?: boolean; correction?: boolean } = {}): McNemarResult {
  const where = 'mcnemarTest';
  const T = toRows(table, where, { name: 'table' });
  if (T.length !== 2 || T[0].length !== 2) fail(where, `table must be 2×2, got ${T.length}×${T[0].length}; build it with mcnemarTable(yTrue, predA, predB)`);
  T.forEach((row, i) => row.forEach((v, j) => {
    if (v < 0 || !Number.isInteger(v)) fail(where, `table[${i}][${j}] = ${v}; a contingency table holds counts (non-negative integers)`);
  }));
  const b = T[0][1];
  const c = T[1][0];
  const n = b + c;
  if (options.exact ?? true) {
    const k = Math.min(b, c);
    // P(X ≤ k) for X ~ Binomial(n, ½), doubled for two sides, at most 1.
    let cdf = 0;
    for (let i = 0; i <= k; i++) cdf += Math.exp(logChoose(n, i) - n * Math.LN2);
    return { statistic: k, pValue: Math.min(1, 2 * cdf), b, c };
  }
  if (n === 0) return { statistic: 0, pValue: 1, b, c };
  const diff = (options.correction ?? true) ? Math.max(Math.abs(b - c) - 1, 0) : Math.abs(b - c);
  const statistic = (diff * diff) / n;
  return { statistic, pValue: chi2Survival(statistic, 1), b, c };
}
