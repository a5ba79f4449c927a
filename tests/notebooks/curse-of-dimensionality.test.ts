import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, figure, markdown, notebookRunner } from './report-queries.ts';

const run = notebookRunner('curse-of-dimensionality');
/** scipy's pdist statistics and scikit-learn's 5-NN accuracies on the notebook's data (make_curse_of_dimensionality.py). */
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'curse-of-dimensionality.json'), 'utf8')) as {
  distances: { d: number; min: number; max: number; mean: number; std: number }[];
  knnAccuracy: Record<string, number>;
};
const dimensions = reference.distances.map((r) => r.d);
const noiseCounts = Object.keys(reference.knnAccuracy).map(Number).sort((a, b) => a - b);
const moved = { dimensionStep: 10, epsilon: 0.01, noiseStep: 9 }; // d = 1000, ε = 0.01, m = 500

const named = (fig: Figure, name: string): Trace => {
  const found = fig.data.filter((t) => t.name === name);
  expect(found, `a trace named ${name}`).toHaveLength(1);
  return found[0];
};
const ys = (fig: Figure, name: string) => named(fig, name).y as number[];

describe('notebooks/curse-of-dimensionality.md', () => {
  it('the max/min ratio and relative spread of pairwise distances are scipy\'s, and both fall towards 1 and 0 as d grows', async () => {
    const fig = figure(await run(), 'Distance concentration');
    expect(named(fig, 'max / min distance').x).toEqual(dimensions);
    ys(fig, 'max / min distance').forEach((v, k) => expect(v).toBeCloseTo(reference.distances[k].max / reference.distances[k].min, 6));
    ys(fig, 'std / mean').forEach((v, k) => expect(v).toBeCloseTo(reference.distances[k].std / reference.distances[k].mean, 9));
    // The measured spread follows 0.59/√d within 15 % from d = 10 on.
    ys(fig, 'std / mean').slice(4).forEach((v, k) => expect(Math.abs(v * Math.sqrt(dimensions[k + 4]) / 0.5916 - 1)).toBeLessThan(0.15));
    const last = reference.distances.at(-1)!;
    expect(last.max / last.min).toBeLessThan(1.2);
  }, 120_000);

  it('stepping d redraws the histogram and the prose quotes the ratio and spread at that d', async () => {
    const [twoRatio, twoSpread] = boldNumbers(markdown(await run(), 'the farthest pair'));
    const two = reference.distances[1];
    expect(twoRatio).toBe(Number((two.max / two.min).toFixed(2)));
    expect(twoSpread).toBe(Number((100 * two.std / two.mean).toFixed(1)));
    const report = await run(moved);
    const [ratio, spread] = boldNumbers(markdown(report, 'the farthest pair'));
    const last = reference.distances.at(-1)!;
    expect(ratio).toBe(Number((last.max / last.min).toFixed(2)));
    expect(spread).toBe(Number((100 * last.std / last.mean).toFixed(1)));
    const histogram = (r: typeof report) => figure(r, 'Distance concentration').data.find((t) => t.type === 'bar' || t.type === 'histogram')!;
    expect(histogram(report)).not.toEqual(histogram(await run()));
  }, 120_000);

  it('the shell fraction is 1 − (1 − 2ε)^d, the Monte Carlo points agree with it, and ε moves both', async () => {
    for (const [controls, epsilon] of [[{}, 0.05], [moved, 0.01]] as const) {
      const report = await run(controls);
      const fig = figure(report, 'Where the volume is');
      const exact = ys(fig, 'exact 1 − (1 − 2ε)^d');
      exact.forEach((v, k) => expect(v).toBeCloseTo(1 - (1 - 2 * epsilon) ** dimensions[k], 12));
      ys(fig, 'measured (2,000 points)').forEach((v, k) => expect(Math.abs(v - exact[k])).toBeLessThan(0.04));
      const [square, , hundred] = boldNumbers(markdown(report, 'the shell holds'));
      expect(square).toBe(Number((100 * (1 - (1 - 2 * epsilon) ** 2)).toFixed(1)));
      expect(hundred).toBe(Number((100 * (1 - (1 - 2 * epsilon) ** 100)).toFixed(3)));
    }
    const ball = ys(figure(await run(), 'Where the volume is'), 'inscribed ball');
    expect(ball[1]).toBeCloseTo(Math.PI / 4, 12); // the disc of radius ½ in the unit square
    expect(ball[4]).toBeCloseTo(Math.PI ** 5 / 120 / 2 ** 10, 12); // V₁₀(½) = π⁵/5! · (½)¹⁰
  }, 120_000);

  it('5-NN accuracy against the number of noise features is scikit-learn\'s, falls well below the clean accuracy, and the tree holds up', async () => {
    const report = await run();
    const fig = figure(report, 'Nearest neighbours with noise features');
    expect(named(fig, '5-NN').x).toEqual(noiseCounts.map((m) => m + 1));
    ys(fig, '5-NN').forEach((v, k) => expect(v).toBeCloseTo(reference.knnAccuracy[String(noiseCounts[k])], 12));
    const knn = ys(fig, '5-NN'), tree = ys(fig, 'tree (depth 4)');
    expect(knn.at(-1)!).toBeLessThan(knn[0] - 0.15);
    expect(tree.at(-1)!).toBeGreaterThan(knn.at(-1)! + 0.1);
    const [accuracy] = boldNumbers(markdown(report, 'noise features the 5-NN'));
    expect(accuracy).toBe(Number((100 * reference.knnAccuracy['50']).toFixed(1)));
    // Stepping m to 500 marks more test points wrong: the crosses are the misclassified points.
    const wrongAt = (f: Figure) => f.data.filter((t) => String(t.name).endsWith('wrong')).reduce((s, t) => s + (t.x as number[]).length, 0);
    expect(wrongAt(fig)).toBe(Math.round(300 * (1 - reference.knnAccuracy['50'])));
    const noisy = figure(await run(moved), 'Nearest neighbours with noise features');
    expect(wrongAt(noisy)).toBe(Math.round(300 * (1 - reference.knnAccuracy['500'])));
  }, 120_000);
});
