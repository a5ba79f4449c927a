import { denseFromRows } from '../core/dense.ts';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkPositiveInt, checkRange, fail, toRows, toVector } from '../core/validate.ts';
import { coordinateDescent } from './coordinate-descent.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface EnetPathOptions {
  l1Ratio: number;
  /** Length of the path: αmin = eps · αmax. */
  eps: number;
  nAlphas: number;
  /** Explicit alphas (any order is accepted; the path runs from the largest). */
  alphas: number[] | null;
  tol: number;
  maxIter: number;
}

/** Coefficients along a decreasing grid of penalties: `coefs[j][k]` is feature j at `alphas[k]`. */
export interface CoefficientPath {
  alphas: number[];
  coefs: number[][];
}

const defaults: EnetPathOptions = { l1Ratio: 0.5, eps: 1e-3, nAlphas: 100, alphas: null, tol: 1e-4, maxIter: 1000 };

/**
 * Elastic-net coefficients for a grid of α from αmax (the smallest α with all coefficients 0,
 * max_j |X_jᵀy| / (n·l1Ratio)) down to eps·αmax, each fit warm-started from the previous one.
 * Like scikit-learn's enet_path, X and y are used as given: center them first for an intercept.
 */
export function enetPath(X: MatrixLike, y: VectorLike, options: Partial<EnetPathOptions> = {}): CoefficientPath {
  const where = 'enetPath';
  const { l1Ratio, eps, nAlphas, alphas: given, tol, maxIter } = { ...defaults, ...options };
  const rows = toRows(X, where);
  const target = Float64Array.from(toVector(y, where, { length: rows.length }));
  checkRange(l1Ratio, where, 'l1Ratio', 0, 1);
  checkPositiveInt(nAlphas, where, 'nAlphas');
  if (!(eps > 0)) fail(where, `eps must be > 0, got ${eps}`);
  const A = denseFromRows(rows);
  const n = A.rows, d = A.cols;
  let alphas: number[];
  if (given !== null) {
    alphas = given.slice().sort((a, b) => b - a);
  } else {
    if (l1Ratio === 0) fail(where, 'l1Ratio = 0 has no αmax (no α zeroes every coefficient); pass alphas explicitly');
    let maxCorr = 0;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += A.data[i * d + j] * target[i];
      maxCorr = Math.max(maxCorr, Math.abs(s));
    }
    const alphaMax = maxCorr / (n * l1Ratio);
    // Log-spaced from αmax down to eps·αmax.
    alphas = Array.from({ length: nAlphas }, (_, k) =>
      nAlphas === 1 ? alphaMax : 10 ** (Math.log10(alphaMax) + (k / (nAlphas - 1)) * Math.log10(eps)));
  }
  const coefs = Array.from({ length: d }, () => new Array<number>(alphas.length).fill(0));
  const w = new Float64Array(d); // warm start: each α begins from the previous solution
  alphas.forEach((alpha, k) => {
    runToEnd(coordinateDescent(A, target, w, alpha * l1Ratio * n, alpha * (1 - l1Ratio) * n, tol, maxIter));
    for (let j = 0; j < d; j++) coefs[j][k] = w[j];
  });
  return { alphas, coefs };
}

/** Lasso coefficient path: enetPath with l1Ratio = 1. */
export function lassoPath(X: MatrixLike, y: VectorLike, options: Partial<Omit<EnetPathOptions, 'l1Ratio'>> = {}): CoefficientPath {
  return enetPath(X, y, { ...options, l1Ratio: 1 });
}
