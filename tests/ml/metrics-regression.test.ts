import { describe, expect, it } from 'vitest';
import {
  chiSquaredTest, huberLoss, huberLossValues, ksTwoSample, meanAbsoluteError, meanSquaredError, populationStabilityIndex,
  r2Score, rootMeanSquaredError, silhouetteSamples, silhouetteScore,
} from '../../src/ml/index.ts';
import { kolmogorovSurvival } from '../../src/ml/metrics/kolmogorov.ts';
import { chi2Survival } from '../../src/ml/metrics/special-functions.ts';
import fixture from './fixtures/metrics.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const r = fixture.regression;
const d = fixture.drift;

describe('regression metrics', () => {
  it('meanSquaredError, rootMeanSquaredError, meanAbsoluteError and r2Score match scikit-learn', () => {
    expectClose(meanSquaredError(r.y, r.p), r.mse, 1e-12);
    expectClose(meanSquaredError(r.y, r.p, { squared: false }), r.rmse, 1e-12);
    expectClose(rootMeanSquaredError(r.y, r.p), r.rmse, 1e-12);
    expectClose(meanAbsoluteError(r.y, r.p), r.mae, 1e-12);
    expectClose(r2Score(r.y, r.p), r.r2, 1e-12);
  });

  it('huberLossValues matches scipy.special.huber and huberLoss is its mean', () => {
    expectClose(huberLossValues(r.y, r.p), r.huberValues, 1e-12);
    expectClose(huberLoss(r.y, r.p, { delta: 2 }), r.huber2, 1e-12);
    expect(() => huberLoss([1], [2], { delta: 0 })).toThrow('huberLoss: delta must be a number > 0, got 0');
  });

  it('huberLoss grows linearly, not quadratically, with an outlier', () => {
    const small = huberLoss([0], [10]);
    const large = huberLoss([0], [20]);
    expect(large - small).toBeCloseTo(10, 12);
  });

  it('r2Score is 1 for a perfect fit, 0 for predicting the mean and handles a constant target', () => {
    expect(r2Score([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(r2Score([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(r2Score([2, 2], [2, 2])).toBe(1);
    expect(r2Score([2, 2], [1, 2])).toBe(0);
  });
});

describe('silhouette', () => {
  it('silhouetteSamples and silhouetteScore match scikit-learn', () => {
    expectClose(silhouetteSamples(r.X, r.labels), r.silhouetteSamples, 1e-12);
    expectClose(silhouetteScore(r.X, r.labels), r.silhouette, 1e-12);
  });

  it('silhouetteScore explains a single cluster', () => {
    expect(() => silhouetteScore([[0], [1], [2]], [0, 0, 0])).toThrow('silhouetteSamples: found 1 cluster(s) in 3 samples');
  });
});

describe('drift statistics', () => {
  it('kolmogorovSurvival matches scipy.stats.kstwo.sf over every method range', () => {
    for (const [n, x, sf] of d.kstwo) expectClose(kolmogorovSurvival(n, x), sf, 1e-10, `kstwo.sf(${x}, ${n})`);
  });

  for (const method of ['asymp', 'exact'] as const) {
    it(`ksTwoSample with method '${method}' matches scipy.stats.ks_2samp`, () => {
      for (const c of d.ks) {
        const res = ksTwoSample(c.x, c.y, { method });
        expectClose(res.statistic, c[method].statistic, 1e-12, `${c.name} statistic`);
        expectClose(res.pValue, c[method].pValue, 1e-9, `${c.name} pValue`);
        expect(res.statisticLocation).toBe(c[method].location);
      }
    });
  }

  it('ksTwoSample of a sample with itself has D = 0 and p = 1', () => {
    const res = ksTwoSample(d.ks[0].x, d.ks[0].x);
    expect(res.statistic).toBe(0);
    expect(res.pValue).toBe(1);
  });

  it('chi2Survival and chiSquaredTest match scipy (Yates only for dof 1)', () => {
    for (const [x, k, sf] of d.chi2sf) expectClose(chi2Survival(x, k), sf, 1e-12, `chi2.sf(${x}, ${k})`);
    for (const c of d.chi) {
      const res = chiSquaredTest(c.table, { correction: c.correction });
      expectClose(res.statistic, c.statistic, 1e-10);
      expectClose(res.pValue, c.pValue, 1e-10);
      expect(res.dof).toBe(c.dof);
      expectClose(res.expected, c.expected, 1e-12);
    }
    expect(() => chiSquaredTest([[1, 0], [2, 0]])).toThrow('chiSquaredTest: the expected count at [0][1] is 0');
  });

  it('populationStabilityIndex matches the numpy definition with reference-quantile bins', () => {
    for (const ref of d.psi) {
      const res = populationStabilityIndex(d.ref, d.cur, { nBins: ref.nBins });
      expectClose(res.edges, ref.edges, 1e-12);
      expectClose(res.expected, ref.expected, 1e-12);
      expectClose(res.actual, ref.actual, 1e-12);
      expectClose(res.psi, ref.psi, 1e-12);
    }
  });

  it('populationStabilityIndex is near 0 for the same distribution and above 0.25 for a shifted one', () => {
    expect(populationStabilityIndex(d.ref, d.ref).psi).toBeCloseTo(0, 12);
    expect(populationStabilityIndex(d.ref, d.ref.map((v) => v + 1.5)).psi).toBeGreaterThan(0.25);
  });

  it('populationStabilityIndex gives a column with few distinct values one bin per value', () => {
    // A flag: 70 % zeros in the reference, 40 % now. Quantile edges would all be 0 and put both
    // values in one bin (PSI 0); one bin per value gives Σ (a − e)·ln(a / e) over the two values.
    const flag = (zeros: number) => Array.from({ length: 100 }, (_, i) => (i < zeros ? 0 : 1));
    const res = populationStabilityIndex(flag(70), flag(40));
    expect(res.edges).toEqual([0.5]);
    expectClose(res.expected, [0.7, 0.3], 1e-12);
    expectClose(res.actual, [0.4, 0.6], 1e-12);
    expect(res.psi).toBeCloseTo(0.3 * Math.log(0.7 / 0.4) + 0.3 * Math.log(0.6 / 0.3), 12);
    // A count with three values: one bin each; a value the reference never had goes to the nearest bin.
    const counts = populationStabilityIndex([1, 1, 2, 2, 3, 3], [1, 2, 3, 5]);
    expect(counts.edges).toEqual([1.5, 2.5]);
    expectClose(counts.actual, [0.25, 0.25, 0.5], 1e-12);
    // More distinct values than bins: quantile bins, as before.
    expect(populationStabilityIndex(d.ref, d.cur).edges).toHaveLength(9);
  });
});
