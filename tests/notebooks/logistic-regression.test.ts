import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figure, markdown, notebookRunner } from './report-queries.ts';

// scikit-learn's fits of the notebook's own data (tests/notebooks/fixtures/make_logistic_regression.py).
interface Fit { C: number; w: number[]; b: number; logLoss: number }
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/logistic-regression.json'), 'utf8')) as {
  students: { hours: number[]; passed: number[]; w: number; b: number; logLoss: number };
  points: { X: number[][]; y: number[] };
  separable: { X: number[][]; y: number[]; l2C1: { w: number[]; b: number } };
  paths: Record<'l1' | 'l2', number[][]>;
  fits: Record<string, Fit>;
};

const run = notebookRunner('logistic-regression');

function trace(fig: Figure, prefix: string, axis = 'x'): Trace {
  const found = fig.data.filter((t) => typeof t.name === 'string' && t.name.startsWith(prefix) && (t.xaxis ?? 'x') === axis);
  expect(found, `a trace named "${prefix}…" on ${axis}`).toHaveLength(1);
  return found[0];
}

/** The layout shapes (marks) of a figure. */
const shapesOf = (fig: Figure) => (fig.layout.shapes ?? []) as Record<string, unknown>[];

/** The probability map's P(class 1) grid. */
function probabilities(report: RunReport): number[][] {
  return figure(report, 'P(class 1) after').data.find((t) => t.type === 'heatmap')!.z as number[][];
}

/** w₁, w₂ and b from the status line under the probability map. */
function stepState(report: RunReport): number[] {
  const text = markdown(report, 'training accuracy');
  const [, w1, w2] = /\$w = \((-?[\d.]+), (-?[\d.]+)\)\$/.exec(text)!.map(Number);
  const b = Number(/\$b = (-?[\d.]+)\$/.exec(text)![1]);
  return [w1, w2, b];
}

/** The points of a probability map (or a fixture's X and y), as sorted "x₁,x₂,label" strings. */
function pointsOf(source: Figure | { X: number[][]; y: number[] }): string[] {
  if ('X' in source) return source.X.map(([a, c], i) => `${a},${c},${source.y[i]}`).sort();
  return ['class 0', 'class 1'].flatMap((name, label) => {
    const t = trace(source, name);
    return (t.x as number[]).map((x, i) => `${x},${(t.y as number[])[i]},${label}`);
  }).sort();
}

const settings: [string, Record<string, ControlValue>][] = [
  ['l2,0', {}],
  ['l1,0', { penalty: 'l1' }],
  ['none,0', { penalty: 'none' }],
  ['l2,-3', { logC: -3 }],
  ['l1,-1.5', { penalty: 'l1', logC: -1.5 }],
];

describe('notebooks/logistic-regression.md', () => {
  it('the one-feature example draws the data scikit-learn was given and quotes scikit-learn\'s best curve', async () => {
    const report = await run();
    const students = trace(figure(report, 'P(pass)'), 'students');
    expect(students.x).toEqual(reference.students.hours);
    expect(students.y).toEqual(reference.students.passed);
    const text = markdown(report, 'The best curve has');
    const [yours, best] = boldNumbers(text);
    expect(best).toBeCloseTo(reference.students.logLoss, 3);
    expect(text).toContain(`$w = ${reference.students.w.toFixed(2)}$, $b = ${reference.students.b.toFixed(2)}$`);
    expect(yours).toBeGreaterThan(best);
  }, 60_000);

  it('moving w and b redraws the sigmoid and the dots\' losses; at the best values the loss is the best loss', async () => {
    const [start, tuned] = [await run(), await run({ w: 2.55, b: -11.8 })];
    const curve = (r: RunReport) => trace(figure(r, 'P(pass)'), 'σ(').y as number[];
    expect(curve(tuned)).not.toEqual(curve(start));
    expect(trace(figure(tuned, 'P(pass)'), 'students').marker).not.toEqual(trace(figure(start, 'P(pass)'), 'students').marker);
    const [yours, best] = boldNumbers(markdown(tuned, 'The best curve has'));
    expect(yours - best).toBeLessThan(0.001);
    expect(markdown(tuned, 'The best curve has')).toContain(`-b/w = ${(11.8 / 2.55).toFixed(2)}`);
  }, 60_000);

  it('the cost of one positive example is −log p', async () => {
    const costs = boldNumbers(markdown(await run(), 'Cost of one positive example'));
    expect(costs).toEqual([0.99, 0.9, 0.5, 0.1, 0.01].map((p) => Number((-Math.log(p)).toFixed(2))));
  }, 60_000);

  it('the probability map starts flat at 0.5 and sharpens as the stepper moves, on the points scikit-learn was given', async () => {
    // The stepper opens at the end of training; step 0 is where it starts.
    const opened = await run();
    expect(control(opened, 'step').control).toMatchObject({ type: 'stepper', count: 151 });
    expect(control(opened, 'step').value).toBe(150);
    const start = await run({ step: 0 });
    const map = figure(start, 'P(class 1) after 0 steps (overlapping, l2, C = 1)');
    expect(pointsOf(map)).toEqual(pointsOf(reference.points));
    for (const row of probabilities(start)) for (const p of row) expect(p).toBe(0.5);
    const spread = (r: RunReport) => Math.max(...probabilities(r).flat().map((p) => Math.abs(p - 0.5)));
    const [early, late] = [await run({ step: 5 }), opened];
    expect(spread(early)).toBeGreaterThan(0.1);
    expect(spread(late)).toBeGreaterThan(spread(early));
    // The weights chart shows the whole run on fixed axes; the stepper moves a line and dots on it.
    const weights = (r: RunReport) => figure(r, 'Weights after each step');
    expect(trace(weights(early), 'w₁').x as number[]).toHaveLength(151);
    expect(weights(early).data).toEqual(weights(late).data);
    expect(weights(early).layout.yaxis).toEqual(weights(late).layout.yaxis);
    const marks = (r: RunReport) => shapesOf(weights(r));
    expect(marks(early).find((shape) => shape.type === 'line')?.x0).toBe(5);
    const dots = marks(early).filter((shape) => shape.type === 'circle');
    expect(dots.map((d) => d.xanchor)).toEqual([5, 5, 5]);
    dots.forEach((d, j) => expect(d.yanchor).toBe((trace(weights(early), ['w₁', 'w₂', 'b'][j]).y as number[])[5]));
    // The boundary p̂ = 0.5 is drawn where the current weights put it: both its ends score 0.
    const [w1, w2, b] = stepState(late);
    const line = shapesOf(figure(late, 'P(class 1) after 150 steps')).find((shape) => shape.type === 'line')!;
    for (const [x, yy] of [[line.x0, line.y0], [line.x1, line.y1]] as number[][]) expect(w1 * x + w2 * yy + b).toBeCloseTo(0, 2);
    expect(shapesOf(figure(start, 'P(class 1) after 0 steps'))).toEqual([]);
    // After 150 steps, gradient descent sits on scikit-learn's L2 fit.
    const fit = reference.fits['l2,0'];
    const state = stepState(late);
    [...fit.w, fit.b].forEach((v, j) => expect(state[j]).toBeCloseTo(v, 3));
  }, 120_000);

  it('a smaller C keeps the weights small and the probabilities near 0.5', async () => {
    const spread = (r: RunReport) => Math.max(...probabilities(r).flat().map((p) => Math.abs(p - 0.5)));
    const [weak, strong] = [await run(), await run({ logC: -2 })];
    expect(spread(strong)).toBeLessThan(spread(weak));
    expect(Math.hypot(...stepState(strong).slice(0, 2))).toBeLessThan(Math.hypot(...stepState(weak).slice(0, 2)) / 2);
  }, 120_000);

  it('with L1 at a small C the weak feature\'s weight is exactly zero, while L2 at the same C only shrinks it', async () => {
    const l1 = stepState(await run({ penalty: 'l1', logC: -1.5 }));
    const l2 = stepState(await run({ logC: -1.5 }));
    expect(l1[1]).toBe(0);
    expect(Math.abs(l2[1])).toBeGreaterThan(0.1);
  }, 120_000);

  it('the coefficient paths against C are scikit-learn\'s, zeros included, and the prose quotes where L1 zeroes w₂', async () => {
    const report = await run();
    const paths = figure(report, 'Weights of the fitted model against C');
    for (const [penalty, axis] of [['l1', 'x'], ['l2', 'x2']] as const) {
      const [w1, w2] = ['w₁', 'w₂'].map((name) => trace(paths, name, axis).y as number[]);
      reference.paths[penalty].forEach(([a, c], i) => {
        expect(w1[i]).toBeCloseTo(a, 4);
        expect(w2[i]).toBeCloseTo(c, 4);
        if (c === 0) expect(w2[i]).toBe(0);
      });
    }
    const lastZero = reference.paths.l1.reduce((found, [, c], i) => (c === 0 ? -3 + i * 0.125 : found), NaN);
    const [cZero, l2Weight] = boldNumbers(markdown(report, 'exactly for every'));
    expect(cZero).toBe(Number((10 ** lastZero).toPrecision(2)));
    expect(l2Weight).toBeCloseTo(reference.paths.l2[(lastZero + 3) / 0.125][1], 3);
    // The dots sit at the slider's C on both panels, at the weights fitted there.
    const moved = figure(await run({ logC: -1.5 }), 'Weights of the fitted model against C');
    const dots = (fig: Figure) => shapesOf(fig).filter((shape) => shape.type === 'circle');
    expect(dots(moved).map((d) => [d.xanchor, d.xref])).toEqual([[-1.5, 'x'], [-1.5, 'x'], [-1.5, 'x2'], [-1.5, 'x2']]);
    expect(dots(moved).map((d) => d.yanchor)).not.toEqual(dots(paths).map((d) => d.yanchor));
    expect(moved.data).toEqual(paths.data);
  }, 120_000);

  it('on the separable set the unpenalised weights never level off while a penalty stops them, and the library meets scikit-learn there too', async () => {
    const separable = { dataSet: 'separable', penalty: 'none' };
    const [middle, before, end] = [await run({ ...separable, step: 75 }), await run({ ...separable, step: 140 }), await run(separable)];
    expect(pointsOf(figure(end, 'P(class 1) after 150 steps (separable, none'))).toEqual(pointsOf(reference.separable));
    expect(stepState(end)[0] - stepState(middle)[0]).toBeGreaterThan(0.5);
    expect(boldNumbers(markdown(end, 'training accuracy')).at(-1)).toBe(100);
    const growthNone = stepState(end)[0] - stepState(before)[0];
    const penalised = [await run({ dataSet: 'separable', step: 140 }), await run({ dataSet: 'separable' })];
    const growthL2 = stepState(penalised[1])[0] - stepState(penalised[0])[0];
    expect(growthNone).toBeGreaterThan(0.05);
    expect(growthL2).toBeLessThan(growthNone);
    // No optimum without a penalty: the agreement cell says so instead of comparing the last state.
    expect(markdown(end, 'one hand-written step from the library')).toContain('have no optimum');
    const text = markdown(penalised[1], 'one hand-written step from the library');
    expect(text).not.toContain('have no optimum');
    const [w1, w2] = /the library's \$w = \((-?[\d.]+), (-?[\d.]+)\)\$/.exec(text)!.slice(1).map(Number);
    expect(w1).toBeCloseTo(reference.separable.l2C1.w[0], 3);
    expect(w2).toBeCloseTo(reference.separable.l2C1.w[1], 3);
  }, 180_000);

  for (const [key, controls] of settings) {
    it(`the hand-written step agrees with LogisticRegression, and the library with scikit-learn (${key})`, async () => {
      const text = markdown(await run(controls), 'one hand-written step from the library');
      const fit = reference.fits[key];
      expect(text).toContain(`$C = ${fit.C}$`);
      const [w1, w2] = /the library's \$w = \((-?[\d.]+), (-?[\d.]+)\)\$/.exec(text)!.slice(1).map(Number);
      const b = Number(/\$b = (-?[\d.]+)\$\./.exec(text)![1]);
      expect(w1).toBeCloseTo(fit.w[0], 3);
      expect(w2).toBeCloseTo(fit.w[1], 3);
      expect(b).toBeCloseTo(fit.b, 3);
      const [fixedPoint, probabilityGap, lossGap, lastStepGap] = boldNumbers(text);
      expect(fixedPoint).toBeLessThan(1e-5);
      expect(probabilityGap).toBeLessThan(1e-12);
      expect(lossGap).toBeLessThan(1e-12);
      expect(lastStepGap).toBeLessThan(1e-4);
    }, 60_000);
  }
});
