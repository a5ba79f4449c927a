import { erfc } from '../neural/erf.ts';
import { checkRange, fail } from '../core/validate.ts';

/**
 * Φ(x) = P(Z ≤ x) for a standard normal Z (scipy.stats.norm.cdf), as ½·erfc(−x/√2) so that the
 * lower tail keeps its digits (½(1 + erf) would round Φ(−8) ≈ 6e-16 to a multiple of 1e-16).
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * P(Z > x) (scipy.stats.norm.sf). Computed as Φ(−x), whose erf stays accurate far into the
 * upper tail where 1 − Φ(x) would round to 0.
 */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

// Acklam's rational approximation to Φ⁻¹ (relative error 1.15e-9), then one Halley step on
// Φ(x) − p, which brings it to machine precision.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Φ⁻¹(p), the x with P(Z ≤ x) = p (scipy.stats.norm.ppf): −∞ at 0, +∞ at 1. */
export function normalQuantile(p: number): number {
  checkRange(p, 'normalQuantile', 'p', 0, 1);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  // In the upper half the error is measured on the survival side, where p's digits are.
  const e = p < 0.5 ? normalCdf(x) - p : (1 - p) - normalSurvival(x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** z such that a two-sided test at level α rejects beyond ±z (1.96 at α = 0.05). */
export function twoSidedCriticalZ(alpha: number, where = 'twoSidedCriticalZ'): number {
  if (!(alpha > 0 && alpha < 1)) fail(where, `alpha must be in (0, 1), got ${alpha}`);
  return normalQuantile(1 - alpha / 2);
}
