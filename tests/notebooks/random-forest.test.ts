import { describe, expect, it } from 'vitest';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import reference from '../ml/fixtures/random-forest.json' with { type: 'json' };
import { boldNumbers, figure, markdown, notebookRunner } from './report-queries.ts';

/** The default run once, and one run with other controls. */
const run = notebookRunner('random-forest');
const other = { treeIndex: 7, nTrees: 1, maxFeaturesChoice: '2 of 2 (bagging)' };

const trace = (fig: Figure, name: string): Trace => {
  const found = fig.data.find((t) => t.name === name);
  if (!found) throw new Error(`no trace "${name}"; names: ${fig.data.map((t) => t.name).join(', ')}`);
  return found;
};

describe('notebooks/random-forest.md', () => {
  it('the tree stepper shows each tree\'s bootstrap sample: distinct rows and out-of-bag rows make up the 200, one feature tried per split', async () => {
    await Promise.all([run(), run(other)]); // the file's two runs, side by side
    for (const [controls, title] of [[{}, 'Tree 1: its bootstrap sample'], [other, 'Tree 8: its bootstrap sample']] as const) {
      const report = await run(controls);
      const chart = figure(report, title);
      const outOfBag = (trace(chart, 'out of bag').x as number[]).length;
      const inBag = chart.data.filter((t) => t.name === 'upper' || t.name === 'lower').reduce((s, t) => s + (t.x as number[]).length, 0);
      expect(inBag + outOfBag).toBe(200);
      const [distinct, never] = boldNumbers(markdown(report, 'distinct rows'));
      expect([distinct, never]).toEqual([inBag, outOfBag]);
      // sqrt of 2 features: each split searched one feature, the one it split on.
      const table = markdown(report, '| node | depth | features tried | split |');
      const rows = table.split('\n').slice(2);
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        const [, , , tried, split] = row.split('|').map((c) => c.trim());
        expect(split.startsWith(`${tried} ≤`)).toBe(true);
      }
    }
    expect(figure(await run(), 'Tree 1 of 100 (first three levels)').layout.annotations).not.toHaveLength(0);
  }, 60_000);

  it('the vote follows the slider, and its accuracy is the forest\'s, near scikit-learn\'s and above a single tree\'s', async () => {
    const report = await run();
    expect(figure(report, 'The vote of 25 trees: P(lower)')).toBeDefined();
    expect(figure(await run(other), 'The vote of 1 tree: P(lower)')).toBeDefined();
    const [single, , all] = boldNumbers(markdown(report, 'a single tree is right'));
    expect(Math.abs(single / 100 - reference.singleTreeTestAccuracy)).toBeLessThan(0.03);
    expect(Math.abs(all / 100 - reference.testAccuracy)).toBeLessThan(0.03);
    expect(all).toBeGreaterThan(single + 3);
    expect(markdown(report, 'Stepper trees are the fitted forest').match(/\*\*yes\*\*/g)).toHaveLength(3);
  }, 60_000);

  it('the variance of the vote falls with the number of trees to the floor ρσ², and bagging has the higher ρ', async () => {
    const report = await run();
    const chart = figure(report, "Variance of the vote's P(lower), 1 of 2 (sqrt)");
    const measured = trace(chart, 'measured across 8 forests').y as number[];
    const predicted = trace(chart, 'ρσ² + (1 − ρ)σ²/B').y as number[];
    for (let b = 1; b < measured.length; b++) expect(measured[b]).toBeLessThan(measured[b - 1]);
    measured.forEach((m, b) => expect(Math.abs(m - predicted[b]) / predicted[b]).toBeLessThan(0.2));
    const text = markdown(report, 'correlation between two trees of a forest');
    const [sqrtRho, baggingRho] = [...text.matchAll(/ρ = ([\d.]+), both features \(plain bagging\) ρ = ([\d.]+)/g)][0].slice(1).map(Number);
    expect(baggingRho).toBeGreaterThan(sqrtRho);
    const bagging = figure(await run(other), "Variance of the vote's P(lower), 2 of 2 (bagging)");
    expect(trace(bagging, 'floor ρσ²').y).not.toEqual(trace(chart, 'floor ρσ²').y);
  }, 60_000);

  it('out-of-bag accuracy tracks test accuracy, near scikit-learn\'s, and its curve ends at forest.oobScore', async () => {
    const report = await run();
    const chart = figure(report, 'Accuracy as trees are added');
    const oob = trace(chart, 'out-of-bag accuracy').y as number[];
    const [oobPct, testPct] = boldNumbers(markdown(report, 'out-of-bag accuracy is'));
    expect(Number((100 * oob[99]).toFixed(1))).toBe(oobPct);
    expect(Math.abs(oobPct / 100 - reference.oobScore)).toBeLessThan(0.03);
    expect(Math.abs(oobPct - testPct)).toBeLessThan(4);
  }, 60_000);

  it('impurity-based importance gives the noise features scikit-learn\'s share, permutation importance next to none', async () => {
    const report = await run();
    const chart = figure(report, 'Feature importance, forest of 100 trees');
    const mdi = trace(chart, 'impurity-based (MDI)').y as number[];
    const permutation = trace(chart, 'permutation, on test').y as number[];
    expect(Math.abs(mdi[2] + mdi[3] + mdi[4] - (reference.importances[2] + reference.importances[3] + reference.importances[4]))).toBeLessThan(0.05);
    expect(Math.max(...permutation.slice(2))).toBeLessThan(0.02);
    expect(Math.min(permutation[0], permutation[1])).toBeGreaterThan(0.1);
    const [real, noise] = boldNumbers(markdown(report, 'impurity-based\nimportance'));
    expect(real + noise).toBe(100);
    expect(noise).toBe(Math.round(100 * (mdi[2] + mdi[3] + mdi[4])));
  }, 60_000);
});
