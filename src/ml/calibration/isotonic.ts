import { AbstractMatrix } from 'ml-matrix';
import { checkFitted, checkOneOf, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { r2 } from '../linear/labels.ts';
import { interpolateLinear } from './interpolate.ts';
import { poolAdjacentViolators } from './pava.ts';
import { spearmanRho } from './spearman.ts';
import { mergeTies } from './ties.ts';

export interface IsotonicRegressionOptions {
  /** Fit a non-decreasing (true) or non-increasing (false) function; 'auto' picks by the sign of Spearman's ρ. */
  increasing: boolean | 'auto';
  /** Fitted values are clipped to at least yMin (−Infinity: no bound). */
  yMin: number;
  /** Fitted values are clipped to at most yMax (Infinity: no bound). */
  yMax: number;
  /** x outside the training range predicts NaN ('nan'), the nearest end's value ('clip'), or throws ('raise'). */
  outOfBounds: 'nan' | 'clip' | 'raise';
}

const defaults: IsotonicRegressionOptions = { increasing: true, yMin: -Infinity, yMax: Infinity, outOfBounds: 'nan' };

/**
 * Isotonic regression (scikit-learn's `IsotonicRegression`): the monotone step function of one
 * feature x closest to y in (weighted) least squares, found by pool-adjacent-violators, then
 * joined up by straight lines between its steps. It assumes only that y rises (or falls) with x, so
 * it is the flexible choice for calibrating a classifier's scores into probabilities.
 * Fitted: `xThresholds`, `yThresholds` (the knots predictions interpolate between), `xMin`, `xMax`
 * and `increasing` (resolved when the option is 'auto').
 */
export class IsotonicRegression {
  readonly params: Readonly<IsotonicRegressionOptions>;
  xThresholds?: number[];
  yThresholds?: number[];
  xMin?: number;
  xMax?: number;
  increasing?: boolean;

  constructor(options: Partial<IsotonicRegressionOptions> = {}) {
    this.params = { ...defaults, ...options };
  }

  /** Fits the monotone function to (x, y); x is a vector or a one-column matrix. Zero-weight rows are ignored. */
  fit(x: VectorLike | MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    const where = 'IsotonicRegression.fit';
    const { increasing, yMin, yMax, outOfBounds } = this.params;
    if (increasing !== true && increasing !== false && increasing !== 'auto') {
      fail(where, `increasing must be true, false or 'auto', got ${String(increasing)}`);
    }
    checkOneOf(outOfBounds, ['nan', 'clip', 'raise'], where, 'outOfBounds');
    if (typeof yMin !== 'number' || typeof yMax !== 'number' || Number.isNaN(yMin) || Number.isNaN(yMax) || yMin > yMax) {
      fail(where, `yMin and yMax must be numbers with yMin ≤ yMax, got yMin = ${yMin}, yMax = ${yMax}`);
    }
    const xs = toColumn(x, where);
    const ys = toVector(y, where, { length: xs.length });
    const weights = sampleWeight === undefined ? xs.map(() => 1) : toVector(sampleWeight, where, { name: 'sampleWeight', length: xs.length });
    weights.forEach((w, i) => {
      if (w < 0) fail(where, `sampleWeight[${i}] is ${w}; weights must be ≥ 0`);
    });
    // scikit-learn decides 'auto' on all rows, before zero weights are dropped. A NaN ρ (constant
    // x or y) is not ≥ 0, so it picks decreasing there, as scikit-learn does.
    const up = increasing === 'auto' ? spearmanRho(xs, ys) >= 0 : increasing;

    // Sort by x (then y, as scikit-learn's lexsort) and average y over equal x.
    const kept = xs.map((_, i) => i).filter((i) => weights[i] > 0);
    if (kept.length === 0) fail(where, 'every sampleWeight is 0; at least one row needs a positive weight');
    kept.sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b]);
    const merged = mergeTies(kept.map((i) => xs[i]), kept.map((i) => ys[i]), kept.map((i) => weights[i]));

    // A decreasing fit is an increasing fit of the reversed sequence, reversed back.
    const flip = <T>(v: T[]): T[] => (up ? v : v.slice().reverse());
    const fitted = flip(poolAdjacentViolators(flip(merged.y), flip(merged.weight))).map((v) => Math.min(Math.max(v, yMin), yMax));

    // Interior points whose value equals both neighbours' lie on a flat line and change no prediction.
    const keep = fitted.map((v, i) => i === 0 || i === fitted.length - 1 || v !== fitted[i - 1] || v !== fitted[i + 1]);
    this.xThresholds = merged.x.filter((_, i) => keep[i]);
    this.yThresholds = fitted.filter((_, i) => keep[i]);
    this.xMin = merged.x[0];
    this.xMax = merged.x[merged.x.length - 1];
    this.increasing = up;
    return this;
  }

  /** The fitted function at each x: linear between thresholds; outside [xMin, xMax] as `outOfBounds` says. */
  predict(x: VectorLike | MatrixLike): number[] {
    return this.evaluate(x, 'IsotonicRegression.predict');
  }

  /** The same as predict (an isotonic fit is also a transformer of its one feature). */
  transform(x: VectorLike | MatrixLike): number[] {
    return this.evaluate(x, 'IsotonicRegression.transform');
  }

  /** Fits, then returns the fitted values at the training x. */
  fitTransform(x: VectorLike | MatrixLike, y: VectorLike, sampleWeight?: VectorLike): number[] {
    return this.fit(x, y, sampleWeight).transform(x);
  }

  /** R² of the predictions on (x, y). */
  score(x: VectorLike | MatrixLike, y: VectorLike): number {
    const predicted = this.predict(x);
    return r2(toVector(y, 'IsotonicRegression.score', { length: predicted.length }), predicted);
  }

  private evaluate(x: VectorLike | MatrixLike, where: string): number[] {
    const xt = checkFitted(this.xThresholds, where);
    const yt = this.yThresholds!;
    const lo = this.xMin!, hi = this.xMax!;
    const { outOfBounds } = this.params;
    return toColumn(x, where).map((v, i) => {
      // One threshold: scikit-learn predicts that constant everywhere, whatever outOfBounds says.
      if (xt.length === 1) return yt[0];
      if (outOfBounds === 'clip') return interpolateLinear(xt, yt, Math.min(Math.max(v, lo), hi));
      if (v < lo || v > hi) {
        if (outOfBounds === 'nan') return NaN;
        fail(where, `x[${i}] = ${v} is outside the fitted range [${lo}, ${hi}]; use outOfBounds 'clip' (or 'nan') to predict there`);
      }
      return interpolateLinear(xt, yt, v);
    });
  }
}

/** The single feature as a vector: accepts a vector or a one-column matrix, as scikit-learn does. */
function toColumn(x: VectorLike | MatrixLike, where: string): number[] {
  const isMatrix = AbstractMatrix.isMatrix(x) || (Array.isArray(x) && x.length > 0 && Array.isArray(x[0]));
  if (!isMatrix) {
    const column = toVector(x as VectorLike, where, { name: 'x' });
    if (column.length === 0) fail(where, 'x is empty; expected at least one value');
    return column;
  }
  const rows = toRows(x as MatrixLike, where, { name: 'x' });
  if (rows[0].length !== 1) fail(where, `x has ${rows[0].length} columns; isotonic regression takes one feature (a vector or a one-column matrix)`);
  return rows.map((row) => row[0]);
}
