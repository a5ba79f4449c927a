import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure } from '../../src/plot/figure.ts';
import { allMarkdown, figureTitled, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

// scikit-learn and brute-force Shapley values on the notebook's own houses
// (tests/notebooks/fixtures/make_interpretability.py).
interface ModelReference {
  features: string[]; r2Train: number; r2Test: number;
  dropsTrain: number[][]; dropsTest: number[][];
  baseValue: number; predictions: number[]; shapley: number[][]; backgroundMean: number[]; coef: number[] | null;
}
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/interpretability.json'), 'utf8')) as {
  linear: ModelReference; linearWithoutRooms: ModelReference; tree: ModelReference; corrAreaRooms: number;
};

const run = notebookRunner('interpretability');
const linear = { modelKind: 'linear regression', nRepeats: 20, row: 7, coalition: 5 };
const linearWithoutRooms = { ...linear, dropRooms: true };
const tree = { modelKind: 'decision tree (depth 4)', row: 3, explained: 'distance', coalition: 15 };

/** Mean and population standard deviation of the first n drops of every feature. */
function meanAndStd(drops: number[][], n: number) {
  const mean = drops.map((d) => d.slice(0, n).reduce((s, v) => s + v, 0) / n);
  const std = drops.map((d, j) => Math.sqrt(d.slice(0, n).reduce((s, v) => s + (v - mean[j]) ** 2, 0) / n));
  return { mean, std };
}
function importanceBars(report: RunReport, title: string) {
  const chart = figureTitled(report, title);
  const bars = (name: string) => {
    const trace = traceNamed(chart, name);
    return { features: trace.y as string[], mean: trace.x as number[], std: (trace.error_x as { array: number[] }).array };
  };
  return { train: bars('train rows'), test: bars('test rows') };
}
function expectClose(actual: number[], expected: number[], digits: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], digits));
}
/** The waterfall's steps (the Shapley values), where it starts (E[f]) and where it ends (f(x)). */
function waterfallOf(chart: Figure) {
  const [bars] = chart.data;
  const steps = bars.x as number[];
  const start = (bars.base as number[])[0];
  return { labels: bars.y as string[], steps, start, end: start + steps.reduce((s, v) => s + v, 0) };
}

describe('notebooks/interpretability.md', () => {
  it('the linear model: scikit-learn\'s R², permutation importances for the same shuffles, and brute-force Shapley values', async () => {
    const report = await run(linear);
    const expected = reference.linear;
    const bars = importanceBars(report, 'Permutation importance: linear regression, 20 shuffles per feature');
    expect(bars.train.features).toEqual(expected.features);
    for (const [shown, drops] of [[bars.train, expected.dropsTrain], [bars.test, expected.dropsTest]] as const) {
      const { mean, std } = meanAndStd(drops, 20);
      expectClose(shown.mean, mean, 9);
      expectClose(shown.std, std, 9);
    }
    expect(numberAfter(report, 'scores $R^2$ = **')).toBeCloseTo(expected.r2Train, 3);
    expect(numberAfter(report, 'on the training rows and **')).toBeCloseTo(expected.r2Test, 3);

    // The waterfall of test house 7 goes from E[f] over the background to f(x) by the brute-force φ.
    const chart = waterfallOf(figureTitled(report, 'House 7: linear regression'));
    expectClose(chart.steps, expected.shapley[7], 9);
    expect(chart.start).toBeCloseTo(expected.baseValue, 9);
    expect(chart.end).toBeCloseTo(expected.predictions[7], 9);
    expect(chart.labels[0]).toMatch(/^area = /);
    expect(numberAfter(report, 'Σ φ = **')).toBeCloseTo(expected.predictions[7] - expected.baseValue, 4);

    // φ_j = w_j (x_j − x̄_j): the table's columns against scikit-learn's coefficients.
    const text = allMarkdown(report);
    expected.features.forEach((name, j) => {
      expect(text).toContain(`| ${name} | ${expected.coef![j].toFixed(3)} |`);
      expect(text).toContain(`| ${expected.backgroundMean[j].toFixed(3)} | ${expected.shapley[7][j].toFixed(4)} | ${expected.shapley[7][j].toFixed(4)} |`);
    });
    expect(numberAfter(report, 'and the exact $\\phi_j$: **')).toBeLessThan(1e-12);

    // Coalition 6 of 16 for area: the running sum ends at φ_area; the noise feature does nothing to a model that ignores it.
    figureTitled(report, 'Coalition 6 of 16: S = {');
    expect(numberAfter(report, 'the library\'s $\\phi$ for area: **')).toBeCloseTo(expected.shapley[7][0], 4);
    expect(numberAfter(report, 'Coalition **')).toBe(6);
    expect(numberAfter(report, 'hand-written $\\phi_j$ and `shapleyValues`:\n**')).toBeLessThan(1e-12);
    expect(numberAfter(report, "first shuffle:\n**")).toBeLessThan(1e-12);
  }, 120_000);

  it('dropping rooms, its twin, makes area look more important (numbers from scikit-learn)', async () => {
    expect(reference.corrAreaRooms).toBeGreaterThan(0.85);
    const withRooms = meanAndStd(reference.linear.dropsTest, 20).mean[0];
    const report = await run(linearWithoutRooms);
    const bars = importanceBars(report, 'Permutation importance: linear regression, 20 shuffles per feature');
    expect(bars.test.features).toEqual(['area', 'distance', 'age', 'noise']);
    expectClose(bars.test.mean, meanAndStd(reference.linearWithoutRooms.dropsTest, 20).mean, 9);
    expect(bars.test.mean[0]).toBeGreaterThan(1.5 * withRooms);
    expect(numberAfter(report, '`area` **')).toBeCloseTo(bars.test.mean[0], 3);
    // Four features: 2³ = 8 coalitions per feature, and the waterfall has four steps.
    figureTitled(report, 'Coalition 6 of 8');
    const chart = waterfallOf(figureTitled(report, 'House 7: linear regression'));
    expectClose(chart.steps, reference.linearWithoutRooms.shapley[7], 9);
  }, 120_000);

  it('the depth-4 tree: scikit-learn\'s tree gives the same importances and Shapley values', async () => {
    const report = await run(tree);
    const expected = reference.tree;
    const bars = importanceBars(report, 'Permutation importance: decision tree (depth 4), 5 shuffles per feature');
    expectClose(bars.test.mean, meanAndStd(expected.dropsTest, 5).mean, 9);
    expectClose(bars.train.std, meanAndStd(expected.dropsTrain, 5).std, 9);
    const chart = waterfallOf(figureTitled(report, 'House 3: decision tree (depth 4)'));
    expectClose(chart.steps, expected.shapley[3], 9);
    expect(chart.end).toBeCloseTo(expected.predictions[3], 9);
    // The last coalition of distance's stepper: the running sum has reached φ_distance.
    figureTitled(report, 'Coalition 16 of 16: S = {area, rooms, age, noise}');
    expect(numberAfter(report, 'Running sum after 16 of 16 terms: **')).toBeCloseTo(expected.shapley[3][2], 4);
    expect(numberAfter(report, 'the library\'s $\\phi$ for distance: **')).toBeCloseTo(expected.shapley[3][2], 4);
  }, 120_000);

  it('the random forest finds noise useful on its training rows only; Shapley values add up to f(x) − E[f]', async () => {
    const report = await run();
    const bars = importanceBars(report, 'Permutation importance: random forest, 5 shuffles per feature');
    const noise = bars.train.features.indexOf('noise');
    expect(bars.train.mean[noise]).toBeGreaterThan(0.01);
    expect(bars.train.mean[noise]).toBeGreaterThan(5 * Math.abs(bars.test.mean[noise]));
    expect(bars.train.mean[noise]).toBeGreaterThan(3 * bars.train.std[noise]);
    expect(numberAfter(report, 'Shuffling `noise` costs it **')).toBeCloseTo(bars.train.mean[noise], 4);
    // It has memorised its training rows: R² near 1 there, well below on the test rows.
    expect(numberAfter(report, 'scores $R^2$ = **')).toBeGreaterThan(0.95);
    expect(numberAfter(report, 'on the training rows and **')).toBeLessThan(0.9);
    const chart = waterfallOf(figureTitled(report, 'House 0: random forest'));
    expect(numberAfter(report, 'Σ φ = **')).toBeCloseTo(chart.end - chart.start, 4);
    expect(numberAfter(report, 'they differ by ')).toBeLessThan(1e-9);
    // The forest bends to age: houses far from average age, either way, get a positive φ.
    expect(numberAfter(report, 'for the old ones (age > 1) and **')).toBeGreaterThan(0.1);
    expect(allMarkdown(report)).toContain('both raise the price');
    expect(numberAfter(report, 'hand-written $\\phi_j$ and `shapleyValues`:\n**')).toBeLessThan(1e-12);
  }, 120_000);
});
