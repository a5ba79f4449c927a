import { fail, type VectorLike } from '../core/validate.ts';
import { checkPair } from './labels.ts';

/** Mean squared error (1/n) Σ (y − ŷ)²; with squared false, its square root (RMSE). */
export function meanSquaredError(yTrue: VectorLike, yPred: VectorLike, options: { squared?: boolean } = {}): number {
  const [t, p] = checkPair(yTrue, yPred, 'meanSquaredError');
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += (t[i] - p[i]) ** 2;
  const mse = sum / t.length;
  return options.squared === false ? Math.sqrt(mse) : mse;
}

/** Root mean squared error √((1/n) Σ (y − ŷ)²), in the units of y. */
export function rootMeanSquaredError(yTrue: VectorLike, yPred: VectorLike): number {
  return meanSquaredError(yTrue, yPred, { squared: false });
}

/** Mean absolute error (1/n) Σ |y − ŷ|. */
export function meanAbsoluteError(yTrue: VectorLike, yPred: VectorLike): number {
  const [t, p] = checkPair(yTrue, yPred, 'meanAbsoluteError');
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += Math.abs(t[i] - p[i]);
  return sum / t.length;
}

/**
 * Huber loss of each residual r = y − ŷ: ½r² when |r| ≤ δ, δ(|r| − ½δ) beyond (quadratic near 0,
 * linear in the tails, so outliers pull less than in squared error).
 */
export function huberLossValues(yTrue: VectorLike, yPred: VectorLike, options: { delta?: number } = {}): number[] {
  const where = 'huberLoss';
  const delta = options.delta ?? 1;
  if (typeof delta !== 'number' || !(delta > 0)) fail(where, `delta must be a number > 0, got ${String(delta)}`);
  const [t, p] = checkPair(yTrue, yPred, where);
  return t.map((v, i) => {
    const r = Math.abs(v - p[i]);
    return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
  });
}

/** Mean Huber loss over the samples (see huberLossValues for the per-sample formula). */
export function huberLoss(yTrue: VectorLike, yPred: VectorLike, options: { delta?: number } = {}): number {
  const values = huberLossValues(yTrue, yPred, options);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot. A constant yTrue gives 1 for a perfect
 * prediction and 0 otherwise (scikit-learn's force_finite).
 */
export function r2Score(yTrue: VectorLike, yPred: VectorLike): number {
  const [t, p] = checkPair(yTrue, yPred, 'r2Score');
  const mean = t.reduce((a, b) => a + b, 0) / t.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < t.length; i++) {
    ssRes += (t[i] - p[i]) ** 2;
    ssTot += (t[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
