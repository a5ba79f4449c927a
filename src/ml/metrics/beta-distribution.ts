import { checkRange, fail } from '../core/validate.ts';
import { betaIncomplete, logGamma } from './special-functions.ts';

function checkShape(a: number, b: number, where: string): void {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    fail(where, `a and b must be positive numbers, got a ${a}, b ${b}`);
  }
}

/** Density of Beta(a, b) at x (scipy.stats.beta.pdf): x^{a−1}(1−x)^{b−1} / B(a, b). */
export function betaPdf(x: number, a: number, b: number): number {
  checkShape(a, b, 'betaPdf');
  if (x < 0 || x > 1) return 0;
  if ((x === 0 && a < 1) || (x === 1 && b < 1)) return Infinity;
  if ((x === 0 && a > 1) || (x === 1 && b > 1)) return 0;
  const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  const logX = a === 1 ? 0 : (a - 1) * Math.log(x);
  const log1mX = b === 1 ? 0 : (b - 1) * Math.log(1 - x);
  return Math.exp(logX + log1mX - logBeta);
}

/** P(X ≤ x) for X ~ Beta(a, b) (scipy.stats.beta.cdf): the regularised incomplete beta I_x(a, b). */
export function betaCdf(x: number, a: number, b: number): number {
  checkShape(a, b, 'betaCdf');
  return betaIncomplete(a, b, x);
}

/** The x with P(X ≤ x) = p for X ~ Beta(a, b) (scipy.stats.beta.ppf), by bisection on the cdf. */
export function betaQuantile(p: number, a: number, b: number): number {
  checkShape(a, b, 'betaQuantile');
  checkRange(p, 'betaQuantile', 'p', 0, 1);
  let lo = 0;
  let hi = 1;
  // 60 halvings of [0, 1] reach the spacing of doubles near the answer.
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (betaIncomplete(a, b, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
