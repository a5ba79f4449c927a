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
/** A figure's marks (layout shapes), by legend name. */
const mark = (fig: Figure, name: string): Record<string, unknown> => {
  const shapes = (fig.layout.shapes ?? []) as Record<string, unknown>[];
  const found = shapes.find((m) => m.name === name);
  if (!found) throw new Error(`no mark "${name}"; names: ${shapes.map((m) => m.name).join(', ')}`);
  return found;
};
/** The points of a path mark: "M x,y L x,y …", each M starting a new piece. */
const pieces = (fig: Figure, name: string): [number, number][][] =>
  (mark(fig, name).path as string).split('M').slice(1).map((piece) => piece.split('L').map((p) => p.split(',').map(Number) as [number, number]));
/** The y values of a path mark drawn as one curve. */
const curveY = (fig: Figure, name: string): number[] => {
  const [curve, ...rest] = pieces(fig, name);
  expect(rest).toHaveLength(0);
  return curve.map(([, y]) => y);
};

describe('notebooks/gradient-boosting.md', () => {
  it('the stage stepper shows the residuals each tree was fitted to, and the model moving by ν times that tree', async () => {
    const [first, tenth] = await Promise.all([run(), run(other)]);
    const stepper = control(first, 'stage').control as { count: number; values: string[] };
    expect(stepper.count).toBe(100);
    // The stepper shows the run's stage numbers (the error curves' x).
    expect(stepper.values).toEqual((trace(figure(first, 'Error after each stage'), 'train').x as number[]).map(String));
    const residualChart = figure(first, 'Stage 1: the residuals y − F0');
    // One stem per training point, from 0 up or down to its residual.
    const stems = pieces(residualChart, 'residuals (stems from 0)');
    expect(stems).toHaveLength(120);
    stems.forEach(([[x0, y0], [x1]]) => expect([y0, x1]).toEqual([0, x0]));
    const residuals = stems.map(([, [, r]]) => r);
    const fitted = figure(first, 'Stage 1 of 100');
    // The training points stay a trace; the curves before and after the stage are marks.
    expect(fitted.data.map((t) => t.name)).toEqual(['training data']);
    // F1 − F0 = ν · h1 along the curve (ν = 0.3 by default).
    const [before, after] = [curveY(fitted, 'before this stage'), curveY(fitted, 'after this stage')];
    const h1 = curveY(residualChart, 'tree h of this stage');
    expect(after).toHaveLength(241);
    after.forEach((a, i) => expect(a - before[i]).toBeCloseTo(0.3 * h1[i], 12));
    // Leaves hold mean residuals, so the tree's values lie within the residuals' range.
    expect(Math.max(...h1)).toBeLessThanOrEqual(Math.max(...residuals));
    expect(figure(first, 'Tree h1: its leaves hold the mean residual')).toBeDefined();

    const tenthChart = figure(tenth, 'Stage 10 of 100: F10 = F9 + ν·h10');
    const [b, a] = [curveY(tenthChart, 'before this stage'), curveY(tenthChart, 'after this stage')];
    const tenthResiduals = figure(tenth, 'Stage 10: the residuals y − F9');
    const h10 = curveY(tenthResiduals, 'tree h of this stage');
    a.forEach((v, i) => expect(v - b[i]).toBeCloseTo(h10[i], 12)); // ν = 1
    // Depth 1: a stump has two values.
    expect(new Set(h10).size).toBe(2);
    // The stepper moves the marks only: the training points are the same trace at every stage.
    expect(tenthChart.data).toEqual(fitted.data);
    expect(tenthResiduals.data).toEqual(residualChart.data);
    expect(pieces(tenthResiduals, 'residuals (stems from 0)').map(([, [, r]]) => r)).not.toEqual(residuals);
    // Fixed axes while stepping.
    expect(tenthChart.layout.yaxis).toMatchObject({ range: (fitted.layout.yaxis as { range: number[] }).range });
    // The error curves mark this stage with a line across them.
    const errors = figure(tenth, 'Error after each stage (ν = 1, depth 1), marked at stage 10');
    expect((errors.layout.shapes as { name: string; x0: number; x1: number }[]).map((m) => [m.name, m.x0, m.x1])).toEqual([['this stage', 10, 10]]);
    expect((trace(errors, 'train').x as number[])[9]).toBe(10);
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
