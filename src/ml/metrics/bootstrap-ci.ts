import { toRandom, type SeedLike } from '../core/random.ts';
import { checkPositiveInt, checkRange, fail } from '../core/validate.ts';
import { quantileSorted } from '../core/quantile.ts';

export interface BootstrapOptions {
  /** Resamples drawn (scipy's n_resamples); default 1000. */
  nResamples?: number;
  /** Default 0.95. */
  confidenceLevel?: number;
  seed?: SeedLike;
}

export interface BootstrapResult {
  /** The statistic of the data itself. */
  estimate: number;
  low: number;
  high: number;
  /** Standard deviation of the resampled statistics (ddof = 1, as scipy's standard_error). */
  standardError: number;
  /** The statistic of each resample, in the order drawn. */
  distribution: number[];
}

/**
 * Percentile bootstrap interval (scipy.stats.bootstrap with method='percentile'): draw n rows with
 * replacement nResamples times, compute the statistic of each, and take the (1−level)/2 and
 * (1+level)/2 quantiles of those values. Rows are whatever the statistic needs (numbers, or
 * pairs such as [truth, prediction]), so paired data stays paired.
 */
export function bootstrapCI<T>(data: readonly T[], statistic: (sample: T[]) => number, options: BootstrapOptions = {}): BootstrapResult {
  const where = 'bootstrapCI';
  if (!Array.isArray(data) || data.length === 0) fail(where, 'data must be a non-empty array of rows');
  if (typeof statistic !== 'function') fail(where, 'statistic must be a function from a sample (an array of rows) to a number');
  const nResamples = options.nResamples ?? 1000;
  checkPositiveInt(nResamples, where, 'nResamples', 2);
  const level = options.confidenceLevel ?? 0.95;
  checkRange(level, where, 'confidenceLevel', 0, 1);
  const random = toRandom(options.seed);
  const n = data.length;
  const distribution: number[] = [];
  const sample = new Array<T>(n);
  for (let b = 0; b < nResamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = data[random.int(n)];
    const value = statistic(sample);
    if (!Number.isFinite(value)) fail(where, `the statistic of resample ${b} is ${value}; it must return a finite number for every resample`);
    distribution.push(value);
  }
  const mean = distribution.reduce((a, v) => a + v, 0) / nResamples;
  const standardError = Math.sqrt(distribution.reduce((a, v) => a + (v - mean) ** 2, 0) / (nResamples - 1));
  const sorted = distribution.slice().sort((a, b) => a - b);
  return {
    estimate: statistic(data.slice()),
    low: quantileSorted(sorted, (1 - level) / 2),
    high: quantileSorted(sorted, (1 + level) / 2),
    standardError,
    distribution,
  };
}
