import { checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';

export interface ShapleyValuesOptions {
  /** Refuse more features than this: the exact sum costs 2^d · |background| model calls per row (default 12). */
  maxFeatures?: number;
}

/** What shapleyValues returns for each explained row. */
export interface ShapleyValuesResult {
  /** values[r][j]: feature j's contribution to f(X[r]) − baseValue. */
  values: number[][];
  /** E[f] over the background rows: the prediction with no feature known. */
  baseValue: number;
  /** f(X[r]) for each explained row; baseValue + Σ_j values[r][j] equals it (efficiency). */
  predictions: number[];
}

/**
 * Exact interventional Shapley values (Lundberg & Lee 2017; shap's exact explainer): the value of a
 * coalition S of features for row x is v(S) = mean over the background rows b of f(x_S, b_rest),
 * x's values on S and b's elsewhere, and feature j gets
 *
 *   φ_j = Σ_{S ⊆ N∖{j}} |S|! (d − |S| − 1)! / d! · [v(S ∪ {j}) − v(S)],
 *
 * the average, over every order of revealing the d features, of what revealing j adds. Every one
 * of the 2^d coalitions is evaluated, so it is exact and costs 2^d · |background| predictions per
 * row (batched into one call of f per row): for a handful of features only.
 */
export function shapleyValues(f: (X: number[][]) => ArrayLike<number>, X: MatrixLike, background: MatrixLike, options: ShapleyValuesOptions = {}): ShapleyValuesResult {
  const where = 'shapleyValues';
  if (typeof f !== 'function') fail(where, 'f must be a function from rows to one number per row, e.g. (X) => model.predict(X)');
  const rows = toRows(X, where);
  const base = toRows(background, where, { name: 'background' });
  const d = rows[0].length;
  if (base[0].length !== d) fail(where, `background has ${base[0].length} features but X has ${d}`);
  const { maxFeatures = 12 } = options;
  checkPositiveInt(maxFeatures, where, 'maxFeatures');
  if (d > maxFeatures) fail(where, `${d} features means 2^${d} coalitions per row; raise maxFeatures if you mean it, or explain fewer features`);
  const call = (batch: number[][], expected: number): number[] => {
    const out = Array.from(f(batch));
    if (out.length !== expected || out.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      fail(where, `f must return one finite number per row (${expected} rows), got ${out.length} values`);
    }
    return out;
  };

  // weight[s] = s! (d − s − 1)! / d!, for a coalition of size s not containing the feature.
  const factorial = [1];
  for (let i = 1; i <= d; i++) factorial.push(factorial[i - 1] * i);
  const weight = Array.from({ length: d }, (_, s) => (factorial[s] * factorial[d - s - 1]) / factorial[d]);
  const popcount = (mask: number) => { let c = 0; for (let m = mask; m; m &= m - 1) c++; return c; };

  const baseValue = mean(call(base, base.length));
  const nCoalitions = 2 ** d;
  const values: number[][] = [];
  const predictions: number[] = [];
  for (const x of rows) {
    // Row c·|B| + b of the batch: background row b with the features of coalition c taken from x.
    const batch: number[][] = [];
    for (let mask = 0; mask < nCoalitions; mask++) {
      for (const b of base) batch.push(b.map((v, j) => ((mask >> j) & 1 ? x[j] : v)));
    }
    const out = call(batch, batch.length);
    const v = Array.from({ length: nCoalitions }, (_, mask) => mean(out.slice(mask * base.length, (mask + 1) * base.length)));
    const phi = new Array<number>(d).fill(0);
    for (let mask = 0; mask < nCoalitions; mask++) {
      const w = popcount(mask) < d ? weight[popcount(mask)] : 0;
      for (let j = 0; j < d; j++) if (!((mask >> j) & 1)) phi[j] += w * (v[mask | (1 << j)] - v[mask]);
    }
    values.push(phi);
    predictions.push(v[nCoalitions - 1]);
  }
  return { values, baseValue, predictions };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
