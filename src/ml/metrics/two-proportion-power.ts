import { checkPositiveInt, checkRange, fail } from '../core/validate.ts';
import { normalCdf, normalQuantile, twoSidedCriticalZ } from './normal-distribution.ts';

export interface TwoProportionDesign {
  /** The control group's rate p₁ (the baseline conversion rate). */
  baseline: number;
  /** The treatment's rate p₂ that the test should detect (baseline + minimum detectable effect). */
  treatment: number;
  /** Two-sided significance level α; default 0.05. */
  alpha?: number;
}

function checkDesign(d: TwoProportionDesign, where: string): { p1: number; p2: number; z: number; sd0: number; sd1: number } {
  checkRange(d.baseline, where, 'baseline', 0, 1);
  checkRange(d.treatment, where, 'treatment', 0, 1);
  if (d.baseline === d.treatment) fail(where, `baseline and treatment are both ${d.baseline}; a test needs an effect to detect`);
  const p1 = d.baseline;
  const p2 = d.treatment;
  const pBar = (p1 + p2) / 2;
  return {
    p1, p2,
    z: twoSidedCriticalZ(d.alpha ?? 0.05, where),
    // Per-row standard deviations of the difference: under the null (pooled rate) and under the alternative.
    sd0: Math.sqrt(2 * pBar * (1 - pBar)),
    sd1: Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)),
  };
}

/**
 * Power of the two-sided pooled z-test (proportionsZTest) with nPerGroup rows in each group when
 * the true rates are baseline and treatment: the probability that |z| passes the critical value,
 * both tails counted (normal approximation).
 */
export function twoProportionPower(design: TwoProportionDesign & { nPerGroup: number }): number {
  const where = 'twoProportionPower';
  checkPositiveInt(design.nPerGroup, where, 'nPerGroup');
  const { p1, p2, z, sd0, sd1 } = checkDesign(design, where);
  const shift = Math.abs(p2 - p1) * Math.sqrt(design.nPerGroup);
  return normalCdf((shift - z * sd0) / sd1) + normalCdf((-shift - z * sd0) / sd1);
}

/**
 * Rows per group for a two-sided two-proportion test to reach the given power (Fleiss' formula
 * without continuity correction): n = ((z_{1−α/2}·√(2p̄q̄) + z_{power}·√(p₁q₁ + p₂q₂)) / (p₂ − p₁))²,
 * rounded up. Chosen before the test starts, then the test is read once, at n.
 */
export function twoProportionSampleSize(design: TwoProportionDesign & { power?: number }): number {
  const where = 'twoProportionSampleSize';
  const power = design.power ?? 0.8;
  if (!(power > 0 && power < 1)) fail(where, `power must be in (0, 1), got ${power}`);
  const { p1, p2, z, sd0, sd1 } = checkDesign(design, where);
  return Math.ceil(((z * sd0 + normalQuantile(power) * sd1) / (p2 - p1)) ** 2);
}
