import type { Dense } from '../core/dense.ts';
import { columnMeans, denseFromRows } from '../core/dense.ts';

/** A design matrix and target ready for a linear solver, with what is needed to undo centering. */
export interface CenteredData {
  X: Dense;
  y: Float64Array;
  xMean: Float64Array;
  yMean: number;
}

/**
 * Centers X and y when an intercept is fitted, as scikit-learn does: the slope is then solved
 * without an intercept column and the intercept recovered as b = ȳ − x̄·w (so it is never penalised).
 */
export function centerData(rows: number[][], y: readonly number[], fitIntercept: boolean): CenteredData {
  const X = denseFromRows(rows);
  const n = X.rows, d = X.cols;
  const xMean = fitIntercept ? columnMeans(X) : new Float64Array(d);
  const yc = Float64Array.from(y);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X.data[i * d + j] -= xMean[j];
    for (let i = 0; i < n; i++) yMean += y[i];
    yMean /= n;
    for (let i = 0; i < n; i++) yc[i] -= yMean;
  }
  return { X, y: yc, xMean, yMean };
}

/** b = ȳ − x̄·w: the intercept that undoes the centering. */
export function interceptFromMeans(coef: ArrayLike<number>, xMean: Float64Array, yMean: number): number {
  let s = yMean;
  for (let j = 0; j < xMean.length; j++) s -= xMean[j] * coef[j];
  return s;
}
