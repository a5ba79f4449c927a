import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

// scikit-learn and numpy on the notebook's own data (tests/notebooks/fixtures/make_feature_scaling.py).
interface Variant {
  typoCount: number;
  knn: Record<string, number>;
  kappa: Record<string, number>;
  excessAfter200: Record<string, number>;
  outsideUnitInterval: number;
}
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/feature-scaling.json'), 'utf8')) as {
  withTypos: Variant;
  clean: Variant;
  leak: { mean: number; min: number; max: number; changed: number };
};
const scalers = ['none', 'standard', 'min-max', 'robust', 'log + standard'];
const run = notebookRunner('feature-scaling');
const other = { scaler: 'min-max', typos: false, leak: true, etaFactor: 2.2, query: [100_000, 20] };

function barValues(report: Awaited<ReturnType<typeof run>>): number[] {
  return figure(report, 'kNN (k = 15) test accuracy').data[0].y as number[];
}

describe('notebooks/feature-scaling.md', () => {
  it('kNN accuracies, condition numbers and gradient descent agree with scikit-learn and numpy, with and without typos', async () => {
    for (const [report, ref] of [[await run(), sklearn.withTypos], [await run(other), sklearn.clean]] as const) {
      expect(numberAfter(report, 'The training rows hold')).toBe(ref.typoCount);
      const bars = barValues(report);
      scalers.forEach((s, i) => expect(bars[i], s).toBeCloseTo(ref.knn[s], 10));
      expect(numberAfter(report, 'unscaled kNN is right')).toBeCloseTo(100 * ref.knn.none, 1);
      const best = Math.max(...scalers.slice(1).map((s) => ref.knn[s]));
      expect(numberAfter(report, 'and the best scaler')).toBeCloseTo(100 * best, 1);
      expect(numberAfter(report, 'Condition numbers: unscaled') / ref.kappa.none).toBeCloseTo(1, 1);
      expect(numberAfter(report, 'min–max')).toBeCloseTo(ref.kappa['min-max'], -1);
      expect(numberAfter(report, 'standard')).toBeCloseTo(ref.kappa.standard, 2);
      expect(numberAfter(report, 'robust')).toBeCloseTo(ref.kappa.robust, 2);
    }
    // At the default η = 1/λmax, 200 steps leave the unscaled loss far above its minimum.
    const report = await run();
    expect(numberAfter(report, 'the loss is still')).toBeCloseTo(sklearn.withTypos.excessAfter200.none, 2);
    expect(numberAfter(report, 'above its minimum unscaled')).toBeCloseTo(sklearn.withTypos.excessAfter200['min-max'], 3);
  }, 120_000);

  it('the hand-written scalers and gradient descent agree with the library', async () => {
    const report = await run();
    expect(numberAfter(report, "hand-written scalers and the library's:")).toBeLessThan(1e-12);
    expect(numberAfter(report, 'largest weight difference')).toBeLessThan(1e-9);
  }, 120_000);

  it('the scaler and typos controls redraw the scaling figure and the kNN neighbourhood', async () => {
    const base = await run();
    const moved = await run(other);
    expect(figure(base, 'Training rows after the standard scaler').data).toHaveLength(3);
    const minMax = figure(moved, 'Training rows after the min-max scaler');
    // Min–max on clean data: every training value in [0, 1].
    for (const trace of minMax.data) for (const x of trace.x as number[]) expect(x >= 0 && x <= 1).toBe(true);
    const nearBase = traceNamed(figure(base, 'kNN neighbourhood of the query, standard'), '15 nearest');
    const nearMoved = traceNamed(figure(moved, 'kNN neighbourhood of the query, min-max'), '15 nearest');
    expect(nearBase.x).toHaveLength(15);
    // The query moved to (100,000, 20): its neighbours are there now.
    const meanIncome = (nearMoved.x as number[]).reduce((a, b) => a + b, 0) / 15;
    expect(meanIncome).toBeGreaterThan(70_000);
    expect(nearMoved.x).not.toEqual(nearBase.x);
  }, 120_000);

  it('η above 2/λmax makes every gradient-descent curve diverge', async () => {
    const moved = await run(other);
    const chart = figure(moved, 'Gradient descent, η = 2.2 / λmax');
    expect(chart.data).toHaveLength(5);
    for (const trace of chart.data) {
      const y = (trace.y as (number | null)[]).filter((v): v is number => v !== null && Number.isFinite(v));
      expect(y[y.length - 1], String(trace.name)).toBeGreaterThan(1e3 * y[0]);
    }
  }, 120_000);

  it('the leak checkbox: fitted on training rows, test values leave [0, 1]; fitted on all rows, none do', async () => {
    expect(figure(await run(), 'Test rows after min–max fitted on training rows:').layout.title).toMatchObject({
      text: `Test rows after min–max fitted on training rows: ${sklearn.withTypos.outsideUnitInterval} values outside [0, 1]`,
    });
    figure(await run(other), 'Test rows after min–max fitted on all rows: 0 values outside [0, 1]');
  }, 120_000);

  it('the leak experiment matches scikit-learn split by split, up to a distance tie', async () => {
    const report = await run();
    // One of the 30 splits has two training rows at the same distance from a test row at the 15th place;
    // scikit-learn and the library break that tie differently (one test row of 400).
    const tie = (100 / 400 / 30) + 0.005;
    expect(Math.abs(numberAfter(report, 'Mean difference') - 100 * sklearn.leak.mean)).toBeLessThanOrEqual(tie);
    expect(numberAfter(report, 'splits; smallest')).toBeCloseTo(100 * sklearn.leak.min, 2);
    expect(numberAfter(report, 'and highest')).toBeCloseTo(100 * sklearn.leak.max, 2);
    expect(Math.abs(numberAfter(report, 'changed the score in') - sklearn.leak.changed)).toBeLessThanOrEqual(1);
  }, 120_000);
});
