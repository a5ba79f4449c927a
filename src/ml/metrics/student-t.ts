import { checkRange, fail } from '../core/validate.ts';
import { betaIncomplete } from './special-functions.ts';

function checkDof(dof: number, where: string): void {
  if (!(dof > 0) || !Number.isFinite(dof)) fail(where, `dof must be a positive number, got ${dof}`);
}

/** P(T ≤ t) for Student's t with `dof` degrees of freedom (scipy.stats.t.cdf). */
export function studentTCdf(t: number, dof: number): number {
  checkDof(dof, 'studentTCdf');
  // P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, ½); each tail holds half of it.
  const tail = 0.5 * betaIncomplete(dof / 2, 0.5, dof / (dof + t * t));
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p (scipy.stats.t.ppf), by bisection on the cdf. */
export function studentTQuantile(p: number, dof: number): number {
  const where = 'studentTQuantile';
  checkRange(p, where, 'p', 0, 1);
  checkDof(dof, where);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Symmetric about 0: solve in the upper half, where the cdf rises from ½ to 1.
  if (p < 0.5) return -studentTQuantile(1 - p, dof);
  let hi = 1;
  while (studentTCdf(hi, dof) < p) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, dof) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
