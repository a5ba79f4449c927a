import { describe, expect, it } from 'vitest';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import reference from '../ml/fixtures/gradient-boosting.json' with { type: 'json' };
import { boldNumbers, control, figure, markdown, notebookRunner } from './report-queries.ts';

/** The default run once, and one run with other controls. */
const run = notebookRunner('gradient-boosting');
const other = { stage: 9, learningRate: 1, maxDepth: 1, growth: 'leaf-wise, 8 leaves', bins: '8 bins' };

const trace = (fig: Figure, name: string): Trace => {
  const found = fig.data.find((t) => t.name === name);
  if (!found) throw new Error(`no trace "${name}"; names: ${fig.data.map((t) => t.name).join(', ')}`);
  return found;
};

describe('notebooks/gradient-boosting.md', () => {
  it('the stage stepper shows the residuals each tree was fitted to, and the model moving by ν times that tree', async () => {
    const [first, tenth] = await Promise.all([run(), run(other)]);
    expect((control(first, 'stage').control as { count: number }).count).toBe(100);
    const residuals = trace(figure(first, 'Stage 1: the residuals'), 'residuals y − F0').y as number[];
    const fitted = figure(first, 'Stage 1 of 100');
    // F1 − F0 = ν · h1 along the curve (ν = 0.3 by default).
    const [before, after] = [trace(fitted, 'F0 (before)').y as number[], trace(fitted, 'F1 (after)').y as number[]];
    const h1 = trace(figure(first, 'Stage 1: the residuals'), 'h1').y as number[];
    after.forEach((a, i) => expect(a - before[i]).toBeCloseTo(0.3 * h1[i], 12));
    // Leaves hold mean residuals, so the tree's values lie within the residuals' range.
    expect(Math.max(...h1)).toBeLessThanOrEqual(Math.max(...residuals));
    expect(figure(first, 'Tree h1: its leaves hold the mean residual')).toBeDefined();

    const tenthChart = figure(tenth, 'Stage 10 of 100: F10 = F9 + ν·h10');
    const [b, a] = [trace(tenthChart, 'F9 (before)').y as number[], trace(tenthChart, 'F10 (after)').y as number[]];
    const h10 = trace(figure(tenth, 'Stage 10: the residuals'), 'h10').y as number[];
    a.forEach((v, i) => expect(v - b[i]).toBeCloseTo(h10[i], 12)); // ν = 1
    // Depth 1: a stump has two values.
    expect(new Set(h10).size).toBe(2);
    // Fixed axes while stepping.
    expect(tenthChart.layout.yaxis).toMatchObject({ range: (fitted.layout.yaxis as { range: number[] }).range });
  }, 60_000);

  it('the learning-rate figure and prose are scikit-learn\'s staged test errors', async () => {
    const report = await run();
    const chart = figure(report, 'Test error against stages, depth-2 trees');
    for (const nu of ['1', '0.3', '0.1']) {
      const y = trace(chart, `ν = ${nu}`).y as number[];
      y.forEach((v, m) => expect(v).toBeCloseTo(reference.stagedTestMse[nu as '1'][m], 9));
    }
    const numbers = boldNumbers(markdown(report, 'lowest test MSE'));
    expect(numbers).toEqual([0.1302, 4, 0.1854, 0.1094, 14, 0.1405, 0.1025, 53, 0.115]);
  }, 60_000);

  it('the growth and bins selects pick one of six precomputed models, and 8 bins coarsen the splits', async () => {
    const [exact, binned] = await Promise.all([run(), run(other)]);
    expect(figure(exact, 'First tree, level-wise, depth 3, exact thresholds').layout.annotations).toHaveLength(15);
    expect(figure(binned, 'First tree, leaf-wise, 8 leaves, 8 bins')).toBeDefined();
    const mseOf = (r: typeof exact, phrase: string) => boldNumbers(markdown(r, phrase))[0];
    expect(mseOf(binned, 'Test MSE of the 100-stage model')).toBeGreaterThan(mseOf(exact, 'Test MSE of the 100-stage model') + 0.03);
  }, 60_000);

  it('bagging cuts a deep tree\'s error and boosting a shallow tree\'s, with scikit-learn\'s numbers', async () => {
    const [deep, forest, stump, boosting] = boldNumbers(markdown(await run(), 'one deep tree'));
    expect(deep).toBe(Number(reference.deepTreeTestMse.toFixed(4)));
    expect(stump).toBe(Number(reference.stumpTestMse.toFixed(4)));
    expect(Math.abs(forest - reference.forestTestMse)).toBeLessThan(0.01);
    expect(boosting).toBe(Number(reference.stagedTestMse['0.1'][99].toFixed(4)));
    expect(forest).toBeLessThan(deep);
    expect(boosting).toBeLessThan(stump);
  }, 60_000);
});
