import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, figure, markdown, notebookRunner } from './report-queries.ts';

const run = notebookRunner('regularization');
/** scikit-learn's paths and numpy's closed-form gradient descent on the notebook's data (make_regularization.py). */
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'regularization.json'), 'utf8')) as {
  lambdas: number[]; lasso: number[][]; enet: Record<string, number[][]>; ridge: number[][];
  validationMSE: Record<'lasso' | 'enet0.5' | 'ridge', number[]>;
  earlyStopping: { eta: number; epochs: number[]; train: number[]; validation: number[]; trainX: number[]; trainY: number[] };
};
const moved = { logLambda: 0.5, rho: 0.9, optimum: [0.4, 2.6], budget: 1.5, patience: 1 };

/** The 24 coefficient curves of the path figure (Lasso, ElasticNet, Ridge; 8 features each), as [feature][λ index]. */
function paths(report: RunReport): { lasso: number[][]; enet: number[][]; ridge: number[][] } {
  const curves = figure(report, 'Coefficient paths').data.filter((t) => (t.x as number[]).length === 81).map((t) => t.y as number[]);
  expect(curves).toHaveLength(24);
  return { lasso: curves.slice(0, 8), enet: curves.slice(8, 16), ridge: curves.slice(16) };
}
const gap = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, j) => row.map((v, k) => Math.abs(v - b[j][k]))));
const named = (fig: Figure, name: string): Trace => {
  const found = fig.data.filter((t) => t.name === name);
  expect(found, `a trace named ${name}`).toHaveLength(1);
  return found[0];
};
const zerosAt = (coefs: number[][], k: number) => coefs.filter((row) => Math.abs(row[k]) < 1e-12).length;

describe('notebooks/regularization.md', () => {
  it('the Lasso, ElasticNet and Ridge paths are scikit-learn\'s lasso_path, enet_path and Ridge(alpha = nλ), and the prose counts their zeros at λ', async () => {
    const report = await run();
    const ours = paths(report);
    expect(gap(ours.lasso, sklearn.lasso)).toBeLessThan(1e-7);
    expect(gap(ours.enet, sklearn.enet['0.5'])).toBeLessThan(1e-7);
    expect(gap(ours.ridge, sklearn.ridge)).toBeLessThan(1e-9);
    const k = 40; // λ = 0.1, the default
    const [lassoZeros, enetZeros, ridgeZeros, lassoMSE, enetMSE, ridgeMSE] = boldNumbers(markdown(report, 'Lasso has'));
    expect([lassoZeros, enetZeros, ridgeZeros]).toEqual([zerosAt(sklearn.lasso, k), zerosAt(sklearn.enet['0.5'], k), 0]);
    expect(lassoZeros).toBeGreaterThan(enetZeros);
    expect(lassoMSE).toBeCloseTo(sklearn.validationMSE.lasso[k], 3);
    expect(enetMSE).toBeCloseTo(sklearn.validationMSE['enet0.5'][k], 3);
    expect(ridgeMSE).toBeCloseTo(sklearn.validationMSE.ridge[k], 3);
    const bestLambda = boldNumbers(markdown(report, 'The best $\\lambda$'))[0];
    const errors = sklearn.validationMSE.lasso;
    expect(bestLambda).toBe(Number(sklearn.lambdas[errors.indexOf(Math.min(...errors))].toPrecision(2)));
  }, 120_000);

  it('λ and ρ move the figures: a larger λ zeroes more Lasso coefficients, ρ = 0.9 redraws the ElasticNet path', async () => {
    const report = await run(moved);
    expect(gap(paths(report).enet, sklearn.enet['0.9'])).toBeLessThan(1e-7);
    const k = Math.round((1 - moved.logLambda) / 0.05);
    const [lassoZeros, enetZeros, ridgeZeros] = boldNumbers(markdown(report, 'Lasso has'));
    expect([lassoZeros, enetZeros, ridgeZeros]).toEqual([zerosAt(sklearn.lasso, k), zerosAt(sklearn.enet['0.9'], k), 0]);
    expect(lassoZeros).toBeGreaterThan(boldNumbers(markdown(await run(), 'Lasso has'))[0]);
    const marker = figure(report, 'Coefficient paths').data.filter((t) => (t.x as number[]).length === 2);
    expect(marker.map((t) => (t.x as number[])[0])).toEqual([3, 3, 3].map(() => sklearn.lambdas[k]));
  }, 120_000);

  it('the L1 and L2 solutions are the constrained minima (checked by a dense search of each boundary); the default optimum lands on a corner', async () => {
    const H = [[1, 0.5], [0.5, 1]];
    const loss = (w: number[], c: number[]) => { const e = [w[0] - c[0], w[1] - c[1]]; return e[0] * (H[0][0] * e[0] + H[0][1] * e[1]) + e[1] * (H[1][0] * e[0] + H[1][1] * e[1]); };
    /** The lowest loss over 400,000 points of the boundary (the optima used here lie outside both budgets). */
    const search = (c: number[], onBoundary: (a: number) => number[]) => {
      let best = Infinity;
      for (let k = 0; k < 400_000; k++) best = Math.min(best, loss(onBoundary((2 * Math.PI * k) / 400_000), c));
      return best;
    };
    for (const [controls, c, t] of [[{}, [2.2, 0.9], 1], [moved, moved.optimum, moved.budget]] as const) {
      const fig = figure(await run(controls), 'Smallest loss ellipse');
      const point = (prefix: string) => { const tr = fig.data.find((d) => String(d.name).startsWith(prefix))!; return [(tr.x as number[])[0], (tr.y as number[])[0]]; };
      const l1 = point('L1 solution'), l2 = point('L2 solution');
      expect(Math.abs(l1[0]) + Math.abs(l1[1])).toBeCloseTo(t, 9);
      expect(Math.hypot(l2[0], l2[1])).toBeCloseTo(t, 9);
      const diamond = search(c as number[], (a) => { const s = Math.abs(Math.cos(a)) + Math.abs(Math.sin(a)); return [(t * Math.cos(a)) / s, (t * Math.sin(a)) / s]; });
      const circle = search(c as number[], (a) => [t * Math.cos(a), t * Math.sin(a)]);
      expect(loss(l1, c as number[])).toBeLessThanOrEqual(diamond + 1e-9);
      expect(loss(l1, c as number[])).toBeGreaterThan(diamond - 1e-6);
      expect(loss(l2, c as number[])).toBeLessThanOrEqual(circle + 1e-9);
      expect(loss(l2, c as number[])).toBeGreaterThan(circle - 1e-6);
    }
    const report = await run();
    expect(markdown(report, 'L2 solution (')).toContain('L1 solution (1.00, 0.00): **a corner**');
    const [l1Share, l2Share] = boldNumbers(markdown(report, 'optima on the grid'));
    expect(l1Share).toBeGreaterThan(40);
    expect(l2Share).toBeLessThan(5);
    // A larger budget t (a smaller λ) sends fewer optima to a corner.
    expect(boldNumbers(markdown(await run(moved), 'optima on the grid'))[0]).toBeLessThan(l1Share);
  }, 120_000);

  it('gradient descent\'s training and validation errors are the closed-form path (numpy eigendecomposition); the prose quotes the best epoch, and patience decides where it stops', async () => {
    const report = await run();
    const fig = figure(report, 'Early stopping');
    const es = sklearn.earlyStopping;
    expect(named(fig, 'training').x).toEqual(es.trainX);
    expect(named(fig, 'training MSE').x).toEqual(es.epochs.map((e) => Math.max(e, 1)));
    (named(fig, 'training MSE').y as number[]).forEach((v, k) => expect(v).toBeCloseTo(es.train[k], 8));
    (named(fig, 'validation MSE').y as number[]).forEach((v, k) => expect(v).toBeCloseTo(es.validation[k], 8));
    const best = es.validation.indexOf(Math.min(...es.validation));
    const [bestEpoch, bestMSE, stopEpoch, finalMSE] = boldNumbers(markdown(report, 'lowest at epoch'));
    expect(bestEpoch).toBe(es.epochs[best]);
    expect(bestMSE).toBeCloseTo(es.validation[best], 3);
    expect(stopEpoch).toBe(es.epochs[best + 5]);
    expect(finalMSE).toBeGreaterThan(3 * bestMSE);
    expect(boldNumbers(markdown(await run(moved), 'lowest at epoch'))[2]).toBe(es.epochs[best + 1]);
    // The stepper opens at the best epoch, and its fit is drawn.
    expect(fig.data.some((t) => t.name === `fit at epoch ${es.epochs[best]}`)).toBe(true);
  }, 120_000);

  it('the hand-written coordinate descent equals the library\'s lassoPath, enetPath and Ridge', async () => {
    for (const value of boldNumbers(markdown(await run(), 'Largest coefficient difference'))) expect(value).toBeLessThan(1e-8);
  }, 120_000);
});
