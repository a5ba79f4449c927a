import { rng } from '../core/random.ts';
import { checkPositiveInt, fail, toVector, type VectorLike } from '../core/validate.ts';
import type { AnyData, PredictorModel } from '../model-selection/model-types.ts';
import { getScorer, type Scorer, type Scoring } from '../model-selection/scoring.ts';
import { asRows, take } from '../model-selection/subset.ts';

export interface PermutationImportanceOptions {
  /** A scorer name ('accuracy', 'r2', 'neg_mean_squared_error', …) or function; default estimator.score. */
  scoring?: Scoring;
  /** How many times each feature is shuffled (default 5). */
  nRepeats?: number;
  /** Seed of the shuffles (default 0): the same seed gives the same importances. */
  seed?: number;
  /**
   * Rows to shuffle and score in each repeat, drawn without replacement: a count (an integer ≥ 2)
   * or a fraction of the rows in (0, 1]; default 1, all rows. The baseline is scored on all rows.
   */
  maxSamples?: number;
}

/** What permutationImportance returns, per feature (scikit-learn's Bunch). */
export interface PermutationImportanceResult {
  /** Mean over the repeats of the drop in score when the feature is shuffled. */
  importancesMean: number[];
  /** Population standard deviation (ddof 0, numpy's default) of the drops over the repeats. */
  importancesStd: number[];
  /** The drops, one row per feature and one column per repeat. */
  importances: number[][];
}

/**
 * How much a fitted model relies on each feature (Breiman 2001; scikit-learn's
 * permutation_importance): the score on (X, y) minus the score once that feature's column is
 * shuffled, which breaks its link to y while keeping its distribution. Repeated nRepeats times.
 * A feature the model ignores scores about 0; it can go slightly negative by chance. Correlated
 * features share their importance: shuffling one leaves the other to carry the information.
 *
 * As scikit-learn, every feature is shuffled with the same permutations (and, with maxSamples,
 * scored on the same rows), so the features are compared on equal terms. The permutations come
 * from the library's seeded generator, so the numbers differ from scikit-learn's for the same seed.
 */
export function permutationImportance(
  estimator: PredictorModel,
  X: AnyData,
  y: VectorLike,
  options: PermutationImportanceOptions = {},
): PermutationImportanceResult {
  const where = 'permutationImportance';
  const { nRepeats = 5, seed = 0, maxSamples = 1 } = options;
  checkEstimator(estimator, where);
  const rows = checkRowsOf(asRows(X, where), where);
  const target = toVector(y, where, { length: rows.length });
  checkPositiveInt(nRepeats, where, 'nRepeats');
  if (typeof seed !== 'number' || !Number.isFinite(seed)) fail(where, `seed must be a finite number, got ${String(seed)}`);
  const scorer = getScorer(options.scoring, where);
  const nRows = sampleCount(maxSamples, rows.length, where);
  const random = rng(seed);
  const sampleRows = nRows < rows.length ? random.sample(rows.length, nRows) : undefined;
  const permutations = Array.from({ length: nRepeats }, () => random.permutation(nRows));
  return importancesForPermutations(estimator, rows, target, scorer, permutations, sampleRows);
}

/**
 * The importances for given shuffles: repeat r scores the rows with a feature's column replaced by
 * column[permutations[r][i]] in row i (each permutation applied to the original column), and
 * subtracts that from the score on all of (rows, y). With sampleRows, the shuffled scores use only
 * those rows (permutations then index into them), as scikit-learn's max_samples.
 * Internal (not exported from the library): permutationImportance draws the permutations; tests
 * pass fixed ones to compare with scikit-learn exactly.
 */
export function importancesForPermutations(
  estimator: PredictorModel,
  rows: readonly unknown[][],
  y: readonly number[],
  scorer: Scorer,
  permutations: readonly (readonly number[])[],
  sampleRows?: readonly number[],
): PermutationImportanceResult {
  const where = 'permutationImportance';
  if (permutations.length === 0) fail(where, 'permutations is empty; pass one permutation per repeat');
  const baseline = scorer(estimator, rows, y.slice());
  if (sampleRows !== undefined) checkIndices(sampleRows, rows.length, where);
  const subset = sampleRows === undefined ? rows : take(rows, sampleRows);
  const ySubset = sampleRows === undefined ? y.slice() : take(y, sampleRows);
  permutations.forEach((p, r) => checkPermutation(p, subset.length, r, where));
  const nFeatures = rows[0].length;
  const importances: number[][] = [];
  for (let j = 0; j < nFeatures; j++) {
    importances.push(permutations.map((p) => {
      // Fresh rows every time, so no model can see the data change under an array it cached.
      const shuffled = subset.map((row, i) => {
        const copy = row.slice();
        copy[j] = subset[p[i]][j];
        return copy;
      });
      return baseline - scorer(estimator, shuffled, ySubset.slice());
    }));
  }
  const importancesMean = importances.map(mean);
  const importancesStd = importances.map((drops, j) => Math.sqrt(mean(drops.map((d) => (d - importancesMean[j]) ** 2))));
  return { importancesMean, importancesStd, importances };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function checkEstimator(estimator: PredictorModel, where: string): void {
  if (estimator === null || typeof estimator !== 'object') {
    fail(where, `estimator must be a fitted model (e.g. new Ridge().fit(X, y)), got ${estimator === null ? 'null' : typeof estimator}`);
  }
}

/** Rows must be arrays of one length, so a column can be shuffled (their values are the model's to check). */
function checkRowsOf(rows: unknown[], where: string): unknown[][] {
  const width = Array.isArray(rows[0]) ? rows[0].length : -1;
  if (width <= 0) fail(where, 'X must be 2-D: an array of rows with at least one feature each');
  rows.forEach((row, i) => {
    if (!Array.isArray(row)) fail(where, `X row ${i} is not an array; X must be an array of rows`);
    if (row.length !== width) fail(where, `X row ${i} has ${row.length} values, expected ${width} (every row must have the same length)`);
  });
  return rows as unknown[][];
}

/** maxSamples as a row count: an integer ≥ 2 is a count, a number in (0, 1] a fraction (1 = all rows). */
function sampleCount(maxSamples: number, n: number, where: string): number {
  if (typeof maxSamples === 'number' && Number.isInteger(maxSamples) && maxSamples >= 2) {
    if (maxSamples > n) fail(where, `maxSamples = ${maxSamples} is more than the ${n} rows of X`);
    return maxSamples;
  }
  if (typeof maxSamples === 'number' && maxSamples > 0 && maxSamples <= 1) {
    const count = Math.floor(maxSamples * n);
    if (count < 1) fail(where, `maxSamples = ${maxSamples} of the ${n} rows of X is less than one row`);
    return count;
  }
  return fail(where, `maxSamples must be a row count (an integer ≥ 2) or a fraction in (0, 1], got ${String(maxSamples)}`);
}

function checkIndices(indices: readonly number[], n: number, where: string): void {
  if (indices.length === 0) fail(where, 'sampleRows is empty');
  indices.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v >= n) fail(where, `sampleRows[${i}] = ${String(v)} is not a row index in [0, ${n})`);
  });
}

function checkPermutation(p: readonly number[], n: number, r: number, where: string): void {
  if (!Array.isArray(p) || p.length !== n) fail(where, `permutations[${r}] must be a permutation of the ${n} scored rows, got ${Array.isArray(p) ? `${p.length} values` : String(p)}`);
  const seen = new Array<boolean>(n).fill(false);
  p.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v >= n || seen[v]) fail(where, `permutations[${r}][${i}] = ${String(v)} repeats or is out of [0, ${n}); each permutation must hold 0..${n - 1} once each`);
    seen[v] = true;
  });
}
