import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, control, figure, markdown, notebookRunner } from './report-queries.ts';

const run = notebookRunner('optimizers');
const names = ['SGD', 'momentum', 'RMSprop', 'Adam', 'AdamW'];

/** PyTorch-style numpy reference trajectories of Adam (L2) and AdamW on Σ(θ − 3)² from (0, 10), λ = 0.5, lr = 0.05. */
const reference = JSON.parse(readFileSync(join(import.meta.dirname, '../ml/fixtures/optimizers.json'), 'utf8')).weightDecay as {
  x0: number[]; lr: number; weightDecay: number; steps: number; adam: number[][]; adamw: number[][];
};

function trace(fig: Figure, name: string): Trace {
  const found = fig.data.filter((t) => t.name === name);
  expect(found, `a trace named "${name}"`).toHaveLength(1);
  return found[0];
}
const xs = (t: Trace) => t.x as number[];
const ys = (t: Trace) => t.y as number[];
const bowlFigure = (r: RunReport) => figure(r, 'Bowl (');
const rosenFigure = (r: RunReport) => figure(r, 'Rosenbrock, update');

describe('notebooks/optimizers.md', () => {
  it('the bowl race draws the five optimisers from the start point, which is an input on the figure', async () => {
    const report = await run();
    const bowl = bowlFigure(report);
    expect(bowl.data[0].type).toBe('contour');
    for (const name of names) {
      expect(xs(trace(bowl, name))).toHaveLength(101);
      expect([xs(trace(bowl, name))[0], ys(trace(bowl, name))[0]]).toEqual([-4, 2]);
    }
    expect(bowl.inputs).toEqual([expect.objectContaining({ name: 'bowlStart', kind: 'point', value: [-4, 2] })]);
    expect(rosenFigure(report).inputs).toEqual([expect.objectContaining({ name: 'rosenStart', kind: 'point', value: [-1.5, 2] })]);
    expect(control(report, 'bowlStep').value).toBe(100);
  }, 120_000);

  it('a start set on either surface starts every optimiser there', async () => {
    const report = await run({ bowlStart: [3, -2], rosenStart: [-1, 2.5] });
    for (const name of names) {
      expect([xs(trace(bowlFigure(report), name))[0], ys(trace(bowlFigure(report), name))[0]]).toEqual([3, -2]);
      expect([xs(trace(rosenFigure(report), name))[0], ys(trace(rosenFigure(report), name))[0]]).toEqual([-1, 2.5]);
    }
  }, 120_000);

  it('the stepper slices the precomputed paths and shows the state at that update, on fixed axes', async () => {
    const [end, early] = [await run(), await run({ bowlStep: 5 })];
    const fig = bowlFigure(early);
    for (const name of names) expect(xs(trace(fig, name))).toEqual(xs(trace(bowlFigure(end), name)).slice(0, 6));
    expect(fig.layout.xaxis).toMatchObject({ range: [-5, 5] });
    // Momentum's velocity arrow starts at its current point.
    expect(xs(trace(fig, 'velocity v ×5'))[0]).toBe(xs(trace(fig, 'momentum'))[5]);
    expect(markdown(early, 'Bowl: state after update 5')).toContain('velocity $v$');
  }, 120_000);

  it('momentum overshoots the minimum along the flat axis; with β₁ = 0 it is SGD and does not', async () => {
    const [withMomentum] = boldNumbers(markdown(await run(), 'crosses the minimum'));
    expect(withMomentum).toBeGreaterThan(2);
    const without = await run({ beta1: 0 });
    const [crossings, overshoot, sgdCrossings] = boldNumbers(markdown(without, 'crosses the minimum'));
    expect([crossings, overshoot, sgdCrossings]).toEqual([0, 0, 0]);
    expect(xs(trace(bowlFigure(without), 'momentum'))).toEqual(xs(trace(bowlFigure(without), 'SGD')));
  }, 120_000);

  it("RMSprop's path on the axis-aligned bowl is the round bowl's whatever κ, and not once the bowl is rotated", async () => {
    const [aligned] = boldNumbers(markdown(await run({ kappa: 80 }), 'round bowl turned the same way'));
    expect(aligned).toBeLessThan(1e-4);
    const [rotated] = boldNumbers(markdown(await run({ kappa: 80, angle: 45 }), 'round bowl turned the same way'));
    expect(rotated).toBeGreaterThan(0.1);
  }, 120_000);

  it('without bias correction Adam\'s first step is (1 − β₁)/√(1 − β₂) times longer: 3.16 with the defaults, under 1 for β₂ = 0.9', async () => {
    const [measured, formula] = boldNumbers(markdown(await run(), 'First update: the uncorrected step'));
    expect(measured).toBeCloseTo(0.1 / Math.sqrt(0.001), 3);
    expect(formula).toBeCloseTo(measured, 3);
    const [short] = boldNumbers(markdown(await run({ beta2: 0.9 }), 'First update: the uncorrected step'));
    expect(short).toBeCloseTo(0.1 / Math.sqrt(0.1), 3);
    // The checkbox changes the Adam path drawn on the bowl.
    const off = await run({ biasCorrection: false });
    expect(xs(trace(bowlFigure(off), 'Adam'))[1]).not.toBeCloseTo(xs(trace(bowlFigure(await run()), 'Adam'))[1], 3);
  }, 120_000);

  it('with c = 1 the weight-decay paths are the PyTorch-style reference trajectories of Adam (L2, settles at 2.4) and AdamW (1.7406)', async () => {
    expect(reference).toMatchObject({ x0: [0, 10], lr: 0.05, weightDecay: 0.5, steps: 500 });
    const report = await run({ steepness: 1 });
    const fig = figure(report, 'Weight decay λ = 0.5, c = 1');
    for (const [name, expected] of [['Adam, L2 term λθ', reference.adam], ['AdamW, decoupled λ', reference.adamw]] as const) {
      const t = trace(fig, name);
      expect(xs(t)).toHaveLength(501);
      xs(t).forEach((x, k) => {
        expect(x).toBeCloseTo(expected[k][0], 10);
        expect(ys(t)[k]).toBeCloseTo(expected[k][1], 10);
      });
    }
    const [adam1, , adamW1] = boldNumbers(markdown(report, 'Adam with the L2 term is at'));
    expect(adam1).toBeCloseTo(2.4, 4);
    expect(adamW1).toBeCloseTo(1.7406, 4);
    // A steeper θ₂ escapes Adam's L2 decay but not AdamW's.
    const [, adamSteep, , adamWSteep] = boldNumbers(markdown(await run(), 'Adam with the L2 term is at'));
    expect(adamSteep).toBeGreaterThan(2.9);
    expect(adamWSteep).toBeLessThan(2);
    // AdamW ends at the same point whatever c: the adaptive step is scale-free and the decay sits outside it.
    const [, , adamWFlat1, adamWFlat2] = boldNumbers(markdown(report, 'Adam with the L2 term is at'));
    const [, , adamW50a, adamW50b] = boldNumbers(markdown(await run({ steepness: 50 }), 'Adam with the L2 term is at'));
    expect([adamW50a, adamW50b]).toEqual([adamWFlat1, adamWFlat2]);
  }, 120_000);

  it('SGD on Rosenbrock above the quoted stability bound leaves the chart; below it stays', async () => {
    const [bound] = boldNumbers(markdown(await run(), 'steepest curvature'));
    expect(bound).toBeCloseTo(2 / 2092, 5);
    expect(xs(trace(rosenFigure(await run()), 'SGD'))).toHaveLength(501);
    expect(xs(trace(rosenFigure(await run({ rosenLogEtaPlain: -2.5 })), 'SGD')).length).toBeLessThan(501);
  }, 120_000);

  it('the hand-written update rules agree with SGD, Momentum, RMSprop, Adam and AdamW of src/ml/optim', async () => {
    for (const controls of [{}, { biasCorrection: false, angle: 30, beta1: 0.5 }] as Record<string, ControlValue>[]) {
      const gaps = boldNumbers(markdown(await run(controls), 'Largest difference from the hand-written paths'));
      expect(gaps).toHaveLength(7);
      for (const gap of gaps) expect(gap).toBeLessThan(1e-12);
    }
  }, 120_000);
});
