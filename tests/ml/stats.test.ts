import { describe, expect, it } from 'vitest';
import {
  bootstrapCI, demographicParityDifference, demographicParityRatio, equalizedOddsDifference, equalizedOddsRatio,
  falsePositiveRate, groupConfusionMatrices, mcnemarTable, mcnemarTest, metricByGroup, normalCdf, normalQuantile, normalSurvival,
  proportionsZTest, selectionRate, studentTCdf, studentTQuantile, tConfidenceInterval, truePositiveRate, twoProportionPower,
  twoProportionSampleSize,
} from '../../src/ml/index.ts';
import { betaIncomplete } from '../../src/ml/metrics/special-functions.ts';
import fx from './fixtures/stats.json' with { type: 'json' };

/** Relative agreement, for values from 1e-16 to 1e2 alike. */
function expectRel(actual: number, expected: number, tol: number, label: string): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  if (!(Math.abs(actual - expected) <= tol * scale)) expect.fail(`${label}: got ${actual}, expected ${expected}`);
}

describe('normal and Student-t distributions against scipy.stats', () => {
  it('normalCdf, normalSurvival and normalQuantile match norm.cdf, norm.sf and norm.ppf, tails included', () => {
    for (const [x, p] of fx.norm.cdf) expectRel(normalCdf(x), p, 1e-12, `cdf(${x})`);
    for (const [x, p] of fx.norm.sf) expectRel(normalSurvival(x), p, 1e-12, `sf(${x})`);
    for (const [p, x] of fx.norm.ppf) expectRel(normalQuantile(p), x, 1e-12, `ppf(${p})`);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('betaIncomplete, studentTCdf and studentTQuantile match betainc, t.cdf and t.ppf', () => {
    for (const [a, b, x, v] of fx.t.betainc) expectRel(betaIncomplete(a, b, x), v, 1e-12, `betainc(${a}, ${b}, ${x})`);
    for (const [x, k, p] of fx.t.cdf) expectRel(studentTCdf(x, k), p, 1e-12, `t.cdf(${x}, ${k})`);
    // scipy's t.ppf is itself off in the 11th digit: t.ppf(0.975, 1) is 12.70620473643 where
    // tan(0.475π) is 12.70620473617, and t.cdf(t.ppf(0.6, 50), 50) is 0.6 − 1.5e-11 by quadrature.
    for (const [p, k, x] of fx.t.ppf) expectRel(studentTQuantile(p, k), x, 1e-9, `t.ppf(${p}, ${k})`);
    // With one degree of freedom t is Cauchy: its quantile is tan(π(p − ½)).
    for (const p of [0.6, 0.975, 0.999]) expectRel(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-13, `Cauchy quantile ${p}`);
  });

  it('bad arguments name the function and the value', () => {
    expect(() => normalQuantile(1.5)).toThrow('normalQuantile: p must be a number in [0, 1], got 1.5');
    expect(() => studentTCdf(1, 0)).toThrow('studentTCdf: dof must be a positive number, got 0');
  });
});

describe('confidence intervals', () => {
  it('tConfidenceInterval of fold scores matches scipy.stats.t.interval with the standard error of the mean', () => {
    for (const c of fx.tInterval) {
      const ci = tConfidenceInterval(c.values, { confidenceLevel: c.level });
      expectRel(ci.mean, c.mean, 1e-12, 'mean');
      expectRel(ci.standardError, c.sem, 1e-12, 'sem');
      expectRel(ci.low, c.low, 1e-9, 'low');
      expectRel(ci.high, c.high, 1e-9, 'high');
    }
    expect(() => tConfidenceInterval([0.8])).toThrow('tConfidenceInterval: values has 1 value(s); an interval needs at least 2');
  });

  it('bootstrapCI draws the resamples the Python port draws and takes numpy percentiles of their means', () => {
    const b = fx.bootstrap;
    const mean = (s: number[]) => s.reduce((a, v) => a + v, 0) / s.length;
    const res = bootstrapCI(b.data, mean, { nResamples: b.nResamples, seed: b.seed });
    res.distribution.slice(0, 5).forEach((m, i) => expectRel(m, b.firstMeans[i], 1e-12, `resample ${i}`));
    expectRel(res.low, b.low, 1e-12, 'low');
    expectRel(res.high, b.high, 1e-12, 'high');
    expectRel(res.standardError, b.standardError, 1e-10, 'standard error');
    expectRel(res.estimate, mean(b.data), 1e-15, 'estimate');
    // scipy.stats.bootstrap with its own generator: the same interval up to resampling noise.
    expect(Math.abs(res.low - b.scipy.low)).toBeLessThan(0.05);
    expect(Math.abs(res.high - b.scipy.high)).toBeLessThan(0.05);
    expect(Math.abs(res.standardError - b.scipy.standardError)).toBeLessThan(0.02);
  });

  it('bootstrapCI keeps paired rows together and rejects a statistic that is not finite', () => {
    const pairs = [[1, 1], [0, 1], [1, 1], [0, 0]];
    const accuracy = (s: number[][]) => s.filter(([t, p]) => t === p).length / s.length;
    const res = bootstrapCI(pairs, accuracy, { nResamples: 50 });
    expect(res.estimate).toBe(0.75);
    for (const v of res.distribution) expect(Number.isInteger(v * 4)).toBe(true);
    expect(() => bootstrapCI([1, 2], () => NaN)).toThrow('bootstrapCI: the statistic of resample 0 is NaN');
  });
});

describe("McNemar's test (statsmodels' mcnemar, written with scipy)", () => {
  it('exact, corrected and plain variants give its statistic and p-value', () => {
    for (const c of fx.mcnemar) {
      for (const [name, options] of [['exact', {}], ['corrected', { exact: false }], ['plain', { exact: false, correction: false }]] as const) {
        const res = mcnemarTest(c.table, options);
        const ref = c[name];
        expectRel(res.statistic, ref.statistic, 1e-12, `${name} statistic of ${JSON.stringify(c.table)}`);
        expectRel(res.pValue, ref.pValue, 1e-10, `${name} p of ${JSON.stringify(c.table)}`);
      }
    }
  });

  it('mcnemarTable counts which classifier was right on each row', () => {
    const yTrue = [1, 0, 1, 1, 0, 0];
    const predA = [1, 0, 0, 1, 1, 0];
    const predB = [1, 1, 1, 0, 1, 0];
    // rows: both right (0, 5), only A (1, 3), only B (2), both wrong (4)
    expect(mcnemarTable(yTrue, predA, predB)).toEqual([[2, 2], [1, 1]]);
    expect(() => mcnemarTest([[1, 2, 3], [4, 5, 6]])).toThrow('mcnemarTest: table must be 2×2, got 2×3');
  });
});

describe('two-proportion z-test, power and sample size', () => {
  it('proportionsZTest matches the pooled z statistic and its one- and two-sided p-values', () => {
    for (const c of fx.ztest) {
      expectRel(proportionsZTest(c.count, c.nobs).statistic, c.statistic, 1e-12, 'z');
      expectRel(proportionsZTest(c.count, c.nobs).pValue, c.twoSided, 1e-11, 'two-sided');
      expectRel(proportionsZTest(c.count, c.nobs, { alternative: 'larger' }).pValue, c.larger, 1e-11, 'larger');
      expectRel(proportionsZTest(c.count, c.nobs, { alternative: 'smaller' }).pValue, c.smaller, 1e-11, 'smaller');
    }
    expect(() => proportionsZTest([12, 5], [10, 20])).toThrow('proportionsZTest: count[0] = 12 must be a whole number from 0 to nobs[0] = 10');
  });

  it('twoProportionSampleSize and twoProportionPower match the formulas computed with scipy, and agree with each other', () => {
    for (const c of fx.power) {
      const design = { baseline: c.baseline, treatment: c.treatment, alpha: c.alpha };
      const n = twoProportionSampleSize({ ...design, power: c.power });
      expect(n).toBe(c.sampleSize);
      expectRel(twoProportionPower({ ...design, nPerGroup: c.nPerGroup }), c.powerAtN, 1e-11, 'power');
      // n reaches the power asked for; one row fewer (almost) does not.
      expect(twoProportionPower({ ...design, nPerGroup: n })).toBeGreaterThanOrEqual(c.power);
      expect(twoProportionPower({ ...design, nPerGroup: n - 2 })).toBeLessThan(c.power + 1e-3);
    }
    expect(() => twoProportionSampleSize({ baseline: 0.1, treatment: 0.1 })).toThrow('twoProportionSampleSize: baseline and treatment are both 0.1');
  });
});

describe("fairness metrics (fairlearn's definitions, against numpy masks)", () => {
  const f = fx.fairness;
  const options = { sensitiveFeatures: f.groups };
  it('selection rate, demographic parity and equalized odds over three groups', () => {
    expectRel(selectionRate(f.yTrue, f.yPred), f.selectionRate, 1e-15, 'selection rate');
    expectRel(demographicParityDifference(f.yTrue, f.yPred, options), f.demographicParityDifference, 1e-14, 'DP difference');
    expectRel(demographicParityRatio(f.yTrue, f.yPred, options), f.demographicParityRatio, 1e-14, 'DP ratio');
    expectRel(equalizedOddsDifference(f.yTrue, f.yPred, options), f.equalizedOddsDifference, 1e-14, 'EO difference');
    expectRel(equalizedOddsRatio(f.yTrue, f.yPred, options), f.equalizedOddsRatio, 1e-14, 'EO ratio');
  });

  it('per-group rates and confusion matrices', () => {
    const groups = ['a', 'b', 'c'] as const;
    const matrices = groupConfusionMatrices(f.yTrue, f.yPred, f.groups);
    expect(matrices.groups).toEqual(groups);
    expect(matrices.labels).toEqual([0, 1]);
    expect(matrices.values).toEqual(groups.map((g) => f.perGroup[g].confusion));
    const tpr = metricByGroup(f.yTrue, f.yPred, f.groups, (t, p) => truePositiveRate(t, p));
    const fpr = metricByGroup(f.yTrue, f.yPred, f.groups, (t, p) => falsePositiveRate(t, p));
    groups.forEach((g, i) => {
      expectRel(tpr.values[i], f.perGroup[g].tpr, 1e-15, `TPR ${g}`);
      expectRel(fpr.values[i], f.perGroup[g].fpr, 1e-15, `FPR ${g}`);
    });
  });

  it('a group without positives is named in the message; a missing sensitiveFeatures is asked for', () => {
    expect(() => equalizedOddsDifference([1, 0, 0, 0], [1, 0, 1, 0], { sensitiveFeatures: ['x', 'x', 'y', 'y'] }))
      .toThrow('equalizedOddsDifference: group "y": truePositiveRate: yTrue has no positive rows');
    expect(() => demographicParityDifference([1, 0], [1, 0], {} as never)).toThrow('demographicParityDifference: options.sensitiveFeatures is required');
    expect(() => metricByGroup([1, 0], [1, 0], ['a'], () => 0)).toThrow('metricByGroup: sensitiveFeatures has 1 values but yTrue has 2');
  });
});
