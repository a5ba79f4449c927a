import { checkRange, fail, toVector, type VectorLike } from '../core/validate.ts';
import { studentTQuantile } from './student-t.ts';

export interface MeanInterval {
  mean: number;
  /** Sample standard deviation / √n (ddof = 1, as scipy.stats.sem). */
  standardError: number;
  low: number;
  high: number;
  /** t_{n−1, (1+level)/2}: how many standard errors the interval reaches each side. */
  tCritical: number;
}

/**
 * Student-t confidence interval of a mean (scipy.stats.t.interval(level, n − 1, loc=mean,
 * scale=sem)): the usual interval for a score averaged over k folds.
 */
export function tConfidenceInterval(values: VectorLike, options: { confidenceLevel?: number } = {}): MeanInterval {
  const where = 'tConfidenceInterval';
  const x = toVector(values, where, { name: 'values' });
  if (x.length < 2) fail(where, `values has ${x.length} value(s); an interval needs at least 2`);
  const level = options.confidenceLevel ?? 0.95;
  checkRange(level, where, 'confidenceLevel', 0, 1);
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const standardError = Math.sqrt(variance / n);
  const tCritical = studentTQuantile((1 + level) / 2, n - 1);
  return { mean, standardError, low: mean - tCritical * standardError, high: mean + tCritical * standardError, tCritical };
}
