import { describe, expect, it } from 'vitest';
import { precisionRecallCurve, thresholdCostCurve } from '../../src/ml/index.ts';
import fixture from './fixtures/threshold-cost.json' with { type: 'json' };

type Case = (typeof fixture)['perRow'];
/** Every entry within `tol` of the reference (relative to max(1, |expected|)). */
function expectAllClose(actual: number[], expected: number[], tol: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]), `entry ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i]))));
}
const cases = Object.entries(fixture) as [string, Case][];

describe('thresholdCostCurve', () => {
  it.each(cases)('matches the brute-force cost at every threshold (%s)', (_, c) => {
    const curve = thresholdCostCurve(c.y, c.score, { missCost: c.missCost, alertCost: c.alertCost });
    expect(curve.thresholds).toEqual(c.thresholds.map((t) => (t === 'inf' ? Infinity : Number(t))));
    expectAllClose(curve.missedCost, c.missedCost, 1e-9);
    expectAllClose(curve.cost, c.cost, 1e-9);
    expect(curve.alerts).toEqual(c.alerts);
    expect(curve.truePositives).toEqual(c.truePositives);
    expect(curve.bestIndex).toBe(c.bestIndex);
  });

  it('thresholdCostCurve counts agree with precisionRecallCurve at the shared thresholds', () => {
    const c = fixture.perRow;
    const curve = thresholdCostCurve(c.y, c.score, { missCost: c.missCost, alertCost: c.alertCost });
    const pr = precisionRecallCurve(c.y, c.score);
    const positives = c.y.filter((v) => v === 1).length;
    pr.thresholds.forEach((t, k) => {
      const j = curve.thresholds.indexOf(t);
      expect(curve.truePositives[j] / positives).toBeCloseTo(pr.recall[k], 12);
      expect(curve.truePositives[j] / curve.alerts[j]).toBeCloseTo(pr.precision[k], 12);
    });
  });

  it('thresholdCostCurve: +∞ flags nothing and costs every positive; the lowest threshold flags every row', () => {
    const curve = thresholdCostCurve([0, 1, 1, 0], [0.1, 0.9, 0.4, 0.4], { missCost: [0, 100, 30, 0], alertCost: 10 });
    expect(curve.thresholds).toEqual([0.1, 0.4, 0.9, Infinity]);
    expect(curve.alerts).toEqual([4, 3, 1, 0]);
    expect(curve.cost).toEqual([40, 30, 40, 130]);
    expect(curve.bestIndex).toBe(1);
  });

  it('thresholdCostCurve rejects labels other than 0/1, a negative alert cost and mismatched lengths', () => {
    expect(() => thresholdCostCurve([0, 2], [0.1, 0.2], { missCost: 1, alertCost: 1 })).toThrow(/0 \(negative\) and 1/);
    expect(() => thresholdCostCurve([0, 1], [0.1, 0.2], { missCost: 1, alertCost: -1 })).toThrow(/alertCost must be/);
    expect(() => thresholdCostCurve([0, 1], [0.1], { missCost: 1, alertCost: 1 })).toThrow(/yScore/);
    expect(() => thresholdCostCurve([0, 1], [0.1, 0.2], { missCost: [1, -5], alertCost: 1 })).toThrow(/missCost must be finite/);
  });
});
