import { fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { betaIncomplete } from '../metrics/special-functions.ts';

/** One score per feature (higher = more related to y) and, where defined, its p-value. */
export interface FeatureScores {
  scores: number[];
  pvalues: number[];
}

/**
 * The one-way ANOVA F statistic of each feature against the class labels (scikit-learn's
 * f_classif): F = [SS_between / (K − 1)] / [SS_within / (n − K)], with K classes and n rows, and
 * its p-value P(F_{K−1, n−K} > F). A feature whose class means differ much relative to its spread
 * inside each class scores high. A constant feature has F = NaN (0 / 0), as in scikit-learn.
 */
export function fClassif(X: MatrixLike, y: VectorLike): FeatureScores {
  const where = 'fClassif';
  const rows = toRows(X, where);
  const labels = toVector(y, where, { name: 'y', length: rows.length });
  const n = rows.length;
  const d = rows[0].length;
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const k = classes.length;
  if (k < 2) fail(where, `y has ${k} class; the F test compares the means of at least 2 classes`);
  if (n <= k) fail(where, `${n} rows for ${k} classes; the F test needs more rows than classes`);
  const classOf = labels.map((v) => classes.indexOf(v));
  const counts = new Array<number>(k).fill(0);
  for (const c of classOf) counts[c]++;

  // Row by row (rows are stored row-major): class sums, then squared deviations from the class means.
  const sums = Array.from({ length: k }, () => new Float64Array(d));
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const s = sums[classOf[i]];
    for (let j = 0; j < d; j++) s[j] += row[j];
  }
  const means = sums.map((s, c) => s.map((v) => v / counts[c]));
  const dfBetween = k - 1;
  const dfWithin = n - k;
  const within = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const m = means[classOf[i]];
    for (let j = 0; j < d; j++) within[j] += (row[j] - m[j]) ** 2;
  }
  const scores: number[] = [];
  for (let j = 0; j < d; j++) {
    let total = 0;
    for (let c = 0; c < k; c++) total += sums[c][j];
    const grand = total / n;
    let between = 0;
    for (let c = 0; c < k; c++) between += counts[c] * (means[c][j] - grand) ** 2;
    scores.push((between / dfBetween) / (within[j] / dfWithin));
  }
  // P(F > f) = I_x(dfWithin/2, dfBetween/2) with x = dfWithin / (dfWithin + dfBetween·f). Computed on
  // first read: SelectKBest ranks by the scores alone, and a search fits it hundreds of times.
  let pvalues: number[] | undefined;
  return {
    scores,
    get pvalues() {
      pvalues ??= scores.map((f) => (Number.isNaN(f) ? NaN : f === Infinity ? 0 : betaIncomplete(dfWithin / 2, dfBetween / 2, dfWithin / (dfWithin + dfBetween * f))));
      return pvalues;
    },
  };
}
