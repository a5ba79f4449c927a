import { checkOneOf, fail } from '../core/validate.ts';
import { normalCdf, normalSurvival } from './normal-distribution.ts';

export type Alternative = 'two-sided' | 'larger' | 'smaller';

export interface ProportionsZTestResult {
  /** (p₁ − p₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ the pooled rate. */
  statistic: number;
  pValue: number;
  /** The two observed rates. */
  rates: [number, number];
}

function checkCounts(count: readonly number[], nobs: readonly number[], where: string): void {
  if (!Array.isArray(count) || !Array.isArray(nobs) || count.length !== 2 || nobs.length !== 2) {
    fail(where, 'count and nobs must each be two numbers, one per group: [successes₁, successes₂], [n₁, n₂]');
  }
  for (let g = 0; g < 2; g++) {
    if (!Number.isInteger(nobs[g]) || nobs[g] < 1) fail(where, `nobs[${g}] = ${nobs[g]}; each group needs a positive whole number of observations`);
    if (!Number.isInteger(count[g]) || count[g] < 0 || count[g] > nobs[g]) fail(where, `count[${g}] = ${count[g]} must be a whole number from 0 to nobs[${g}] = ${nobs[g]}`);
  }
}

/**
 * Two-proportion z-test (statsmodels' proportions_ztest with two groups): are the success rates
 * of two groups equal? Under the null both share the pooled rate, which sets the standard error.
 * 'larger' tests p₁ > p₂, 'smaller' p₁ < p₂.
 */
export function proportionsZTest(count: readonly number[], nobs: readonly number[], options: { alternative?: Alternative } = {}): ProportionsZTestResult {
  const where = 'proportionsZTest';
  checkCounts(count, nobs, where);
  const alternative = options.alternative ?? 'two-sided';
  checkOneOf(alternative, ['two-sided', 'larger', 'smaller'], where, 'alternative');
  const rates: [number, number] = [count[0] / nobs[0], count[1] / nobs[1]];
  const pooled = (count[0] + count[1]) / (nobs[0] + nobs[1]);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nobs[0] + 1 / nobs[1]));
  if (se === 0) fail(where, `both groups have a rate of ${pooled}; with no variation the z statistic is undefined`);
  const statistic = (rates[0] - rates[1]) / se;
  const pValue = alternative === 'two-sided'
    ? 2 * normalSurvival(Math.abs(statistic))
    : alternative === 'larger' ? normalSurvival(statistic) : normalCdf(statistic);
  return { statistic, pValue, rates };
}
