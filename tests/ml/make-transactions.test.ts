import { describe, expect, it } from 'vitest';
import { makeTransactions } from '../../src/ml/data/make-transactions.ts';
import { populationStabilityIndex } from '../../src/ml/metrics/population-stability-index.ts';

const column = (X: number[][], j: number, rows: number[]): number[] => rows.map((i) => X[i][j]);
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

describe('makeTransactions', () => {
  const data = makeTransactions({ nSamples: 6000, nDays: 60, driftDay: 40, fraudRate: 0.02, fraudRateAfter: 0.05, seed: 3 });
  const before = data.day.flatMap((d, i) => (d < 40 ? [i] : []));
  const after = data.day.flatMap((d, i) => (d >= 40 ? [i] : []));

  it('is seeded, time-ordered and shaped as documented', () => {
    expect(makeTransactions({ nSamples: 300, seed: 3 })).toEqual(makeTransactions({ nSamples: 300, seed: 3 }));
    expect(makeTransactions({ nSamples: 300, seed: 4 }).X).not.toEqual(makeTransactions({ nSamples: 300, seed: 3 }).X);
    expect(data.X).toHaveLength(6000);
    expect(data.X.every((row) => row.length === data.featureNames.length)).toBe(true);
    expect(data.day.every((d, i) => i === 0 || d >= data.day[i - 1])).toBe(true);
    expect(data.day[0]).toBe(0);
    expect(data.day.at(-1)).toBe(59);
    expect(data.amount).toEqual(data.X.map((row) => row[0]));
    expect(data.pattern.every((p, i) => (p === 'none') === (data.y[i] === 0))).toBe(true);
    const hours = column(data.X, 1, data.X.map((_, i) => i));
    expect(hours.every((h) => Number.isInteger(h) && h >= 0 && h < 24)).toBe(true);
  });

  it('draws fraud at the asked rate before and after the drift (within 4 binomial standard deviations)', () => {
    for (const [rows, rate] of [[before, 0.02], [after, 0.05]] as const) {
      const frauds = rows.reduce((s, i) => s + data.y[i], 0);
      const sd = Math.sqrt(rows.length * rate * (1 - rate));
      expect(Math.abs(frauds - rows.length * rate)).toBeLessThan(4 * sd);
    }
  });

  it('shifts legitimate amounts and devices at the drift day: PSI above 0.25 with drift, below 0.1 without', () => {
    const legitimate = (rows: number[]): number[] => rows.filter((i) => data.y[i] === 0);
    const { psi } = populationStabilityIndex(column(data.X, 0, legitimate(before)), column(data.X, 0, legitimate(after)));
    expect(psi).toBeGreaterThan(0.25);
    expect(mean(column(data.X, 4, legitimate(after)))).toBeGreaterThan(0.25);
    expect(mean(column(data.X, 4, legitimate(before)))).toBeLessThan(0.1);
    const calm = makeTransactions({ nSamples: 6000, driftDay: 40, drift: 0, seed: 3 });
    const calmBefore = calm.day.flatMap((d, i) => (d < 40 && calm.y[i] === 0 ? [i] : []));
    const calmAfter = calm.day.flatMap((d, i) => (d >= 40 && calm.y[i] === 0 ? [i] : []));
    expect(populationStabilityIndex(column(calm.X, 0, calmBefore), column(calm.X, 0, calmAfter)).psi).toBeLessThan(0.1);
  });

  it('moves fraud from large one-off purchases to bursts of small ones (concept drift)', () => {
    const burstShare = (rows: number[]): number => {
      const frauds = rows.filter((i) => data.y[i] === 1);
      return frauds.filter((i) => data.pattern[i] === 'burst').length / frauds.length;
    };
    expect(burstShare(before)).toBeLessThan(0.4);
    expect(burstShare(after)).toBeGreaterThan(0.6);
    const largeAmounts = data.X.filter((_, i) => data.pattern[i] === 'large').map((row) => row[0]);
    const burstVelocity = data.X.filter((_, i) => data.pattern[i] === 'burst').map((row) => row[3]);
    expect(mean(largeAmounts)).toBeGreaterThan(3 * mean(column(data.X, 0, before.filter((i) => data.y[i] === 0))));
    expect(Math.min(...burstVelocity)).toBeGreaterThanOrEqual(2);
  });

  it('says which option is wrong', () => {
    expect(() => makeTransactions({ fraudRate: 1.5 })).toThrow(/makeTransactions.*fraudRate/);
    expect(() => makeTransactions({ driftDay: -1 })).toThrow(/makeTransactions: driftDay must be an integer ≥ 0, got -1/);
    expect(() => makeTransactions({ drift: 2 })).toThrow(/drift/);
    expect(() => makeTransactions({ nDays: 0 })).toThrow(/nDays/);
  });
});
