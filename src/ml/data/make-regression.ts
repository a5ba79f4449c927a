import { checkPositiveInt, fail } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { checkNoise, checkSamples, type Dataset } from './dataset.ts';

export interface MakeRegressionOptions {
  nSamples: number;
  nFeatures: number;
  /** Features with a non-zero coefficient; the rest are irrelevant. */
  nInformative: number;
  /** Intercept added to every target. */
  bias: number;
  /** Standard deviation of Gaussian noise on y. */
  noise: number;
  shuffle: boolean;
  seed: number;
}

/**
 * A random linear regression problem: X ~ N(0, I), y = X·w + bias + noise·ε with w_j ~ 100·U[0, 1)
 * for nInformative features and 0 for the rest. Returns the true coefficients as `coef`.
 */
export function makeRegression(options: Partial<MakeRegressionOptions> = {}): Dataset & { coef: number[] } {
  const where = 'makeRegression';
  const o = { nSamples: 100, nFeatures: 100, nInformative: 10, bias: 0, noise: 0, shuffle: true, seed: 0, ...options };
  checkSamples(o.nSamples, where);
  checkPositiveInt(o.nFeatures, where, 'nFeatures');
  checkPositiveInt(o.nInformative, where, 'nInformative', 0);
  checkNoise(o.noise, where);
  if (o.nInformative > o.nFeatures) fail(where, `nInformative = ${o.nInformative} exceeds nFeatures = ${o.nFeatures}`);
  const random = toRandom(o.seed);
  const X = Array.from({ length: o.nSamples }, () => Array.from({ length: o.nFeatures }, () => random.normal()));
  let coef = Array.from({ length: o.nFeatures }, (_, j) => (j < o.nInformative ? 100 * random.next() : 0));
  if (o.shuffle) {
    // Informative features end up anywhere; coef follows the columns.
    const cols = random.permutation(o.nFeatures);
    for (let i = 0; i < X.length; i++) X[i] = cols.map((j) => X[i][j]);
    coef = cols.map((j) => coef[j]);
  }
  const y = X.map((row) => row.reduce((a, v, j) => a + v * coef[j], o.bias) + (o.noise > 0 ? random.normal(0, o.noise) : 0));
  return { X, y, coef };
}
