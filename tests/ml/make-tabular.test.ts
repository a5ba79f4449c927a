import { describe, expect, it } from 'vitest';
import { makeTabular } from '../../src/ml/index.ts';

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const share = <T>(v: T[], value: T) => v.filter((x) => x === value).length / v.length;
function correlation(a: number[], b: number[]): number {
  const [ma, mb] = [mean(a), mean(b)];
  const cov = mean(a.map((x, i) => (x - ma) * (b[i] - mb)));
  return cov / Math.sqrt(mean(a.map((x) => (x - ma) ** 2)) * mean(b.map((x) => (x - mb) ** 2)));
}
/** Mean of column j over the rows where missing is (or is not) set, read from the complete table. */
function meanWhere(data: ReturnType<typeof makeTabular>, j: number, isMissing: boolean): number {
  return mean(data.complete.filter((_, i) => data.missing[i] === isMissing).map((row) => row[j]));
}

describe('makeTabular', () => {
  it('has the documented columns, ranges and category shares', () => {
    const data = makeTabular({ nSamples: 4000, seed: 1 });
    expect(data.numericNames).toEqual(['age', 'income', 'tenure']);
    expect(data.categoricalNames).toEqual(['plan', 'city']);
    expect(data.numeric).toHaveLength(4000);
    expect(data.numeric).toEqual(data.complete); // no mechanism: nothing missing
    const age = data.complete.map((r) => r[0]);
    const income = data.complete.map((r) => r[1]);
    expect(Math.min(...age)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...age)).toBeLessThanOrEqual(80);
    expect(Math.abs(mean(age) - 40)).toBeLessThan(1);
    // Log-normal income is right-skewed: mean above median; a few ×10 typos (outlierShare 2 %).
    const sorted = income.slice().sort((a, b) => a - b);
    expect(mean(income)).toBeGreaterThan(1.2 * sorted[2000]);
    expect(Math.abs(sorted[2000] - 30_000)).toBeLessThan(2000);
    expect(correlation(age, income.map(Math.log))).toBeGreaterThan(0.3);
    // Plans: all three, each a real share; premium likelier with income.
    const plans = data.categorical.map((r) => r[0]);
    for (const p of ['basic', 'standard', 'premium']) expect(share(plans, p)).toBeGreaterThan(0.15);
    const premiumIncome = mean(income.filter((_, i) => plans[i] === 'premium'));
    const basicIncome = mean(income.filter((_, i) => plans[i] === 'basic'));
    expect(premiumIncome).toBeGreaterThan(basicIncome);
    // Cities follow Zipf: city 1 about twice as frequent as city 2, 60 distinct, with a long tail.
    const cities = data.categorical.map((r) => r[1]);
    expect(new Set(cities).size).toBe(60);
    const harmonic = Array.from({ length: 60 }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b, 0);
    expect(Math.abs(share(cities, 'city 01') - 1 / harmonic)).toBeLessThan(0.02);
    expect(Math.abs(share(cities, 'city 02') - 1 / (2 * harmonic))).toBeLessThan(0.015);
    // Labels split the target at its median.
    expect(mean(data.y)).toBe(0.5);
  });

  it('blanks exactly round(missingRate · n) incomes, and only incomes', () => {
    for (const mechanism of ['MCAR', 'MAR', 'MNAR'] as const) {
      const data = makeTabular({ nSamples: 999, missingMechanism: mechanism, missingRate: 0.25, seed: 2 });
      expect(data.missing.filter(Boolean)).toHaveLength(250);
      data.numeric.forEach((row, i) => {
        expect(Number.isNaN(row[1])).toBe(data.missing[i]);
        expect(row[0]).toBe(data.complete[i][0]);
        expect(row[2]).toBe(data.complete[i][2]);
      });
    }
  });

  it('MCAR misses at random, MAR by age (the young), MNAR by income itself (the rich)', () => {
    const options = { nSamples: 4000, missingRate: 0.3, seed: 3 };
    const mcar = makeTabular({ ...options, missingMechanism: 'MCAR' });
    const mar = makeTabular({ ...options, missingMechanism: 'MAR' });
    const mnar = makeTabular({ ...options, missingMechanism: 'MNAR' });
    const logIncome = (d: typeof mcar, isMissing: boolean) =>
      mean(d.complete.filter((_, i) => d.missing[i] === isMissing).map((r) => Math.log(r[1])));
    // MCAR: missing and observed rows look alike.
    expect(Math.abs(meanWhere(mcar, 0, true) - meanWhere(mcar, 0, false))).toBeLessThan(1.5);
    expect(Math.abs(logIncome(mcar, true) - logIncome(mcar, false))).toBeLessThan(0.05);
    // MAR: the missing are much younger; their incomes are lower only through age.
    expect(meanWhere(mar, 0, false) - meanWhere(mar, 0, true)).toBeGreaterThan(10);
    expect(logIncome(mar, false) - logIncome(mar, true)).toBeGreaterThan(0.1);
    // Given age, MAR's missingness says nothing more about income (the part of log income age does not
    // explain is alike in both groups); MNAR's does: the missing earn much more than their age predicts.
    const residual = (d: typeof mcar, isMissing: boolean) =>
      mean(d.complete.filter((_, i) => d.missing[i] === isMissing).map((r) => Math.log(r[1]) - 0.025 * (r[0] - 40)));
    expect(Math.abs(residual(mar, true) - residual(mar, false))).toBeLessThan(0.08);
    expect(residual(mnar, true) - residual(mnar, false)).toBeGreaterThan(0.4);
  });

  it('the same seed gives the same table, another seed another, and the leak tracks the target', () => {
    const a = makeTabular({ nSamples: 200, missingMechanism: 'MAR', leakyFeature: true, seed: 5 });
    expect(makeTabular({ nSamples: 200, missingMechanism: 'MAR', leakyFeature: true, seed: 5 })).toEqual(a);
    expect(makeTabular({ nSamples: 200, missingMechanism: 'MAR', leakyFeature: true, seed: 6 }).complete).not.toEqual(a.complete);
    expect(a.numericNames).toEqual(['age', 'income', 'tenure', 'leak']);
    expect(correlation(a.complete.map((r) => r[3]), a.target)).toBeGreaterThan(0.98);
    // Without the leak the first columns are drawn the same way.
    expect(makeTabular({ nSamples: 200, missingMechanism: 'MAR', seed: 5 }).target).toEqual(a.target);
  });

  it('cityEffect 0 makes the city carry no signal, and bad options are named', () => {
    const data = makeTabular({ cityEffect: 0, seed: 1 });
    expect(Object.values(data.cityEffects).every((e) => e === 0)).toBe(true);
    expect(() => makeTabular({ missingMechanism: 'MXAR' as 'MAR' })).toThrow("makeTabular: missingMechanism must be one of 'none', 'MCAR', 'MAR', 'MNAR'");
    expect(() => makeTabular({ missingRate: 1.5 })).toThrow('makeTabular: missingRate must be a number in [0, 1]');
    expect(() => makeTabular({ noise: -1 })).toThrow('makeTabular: noise must be a finite number ≥ 0, got -1');
    expect(() => makeTabular({ nCities: 0 })).toThrow('makeTabular: nCities must be an integer ≥ 1');
  });
});
