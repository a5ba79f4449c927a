import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { boldNumbers, figure, markdown, notebookRunner } from './report-queries.ts';

const run = notebookRunner('hyperparameter-search');
/** scikit-learn's cross-validated errors and the optimiser's runs redone with scikit-learn's GP and scipy's EI (make_hyperparameter_search.py). */
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'hyperparameter-search.json'), 'utf8')) as {
  grid: number[]; gridErrors: number[]; runs: { x: number[]; y: number[] };
};
const moved = { importance: 1, budget: 16, peak: [-1.6, 0.8], lowestDecade: -6, evaluation: 2 };

const named = (fig: Figure, prefix: string): Trace => {
  const found = fig.data.filter((t) => String(t.name).startsWith(prefix));
  expect(found, `a trace named ${prefix}…`).toHaveLength(1);
  return found[0];
};

describe('notebooks/hyperparameter-search.md', () => {
  it('the grid tries k learning rates and random search one per run; with b irrelevant random search beats the grid for most seeds, less so when b matters', async () => {
    const report = await run();
    const fig = figure(report, 'Grid and random search with 9 runs');
    expect(fig.inputs).toEqual([expect.objectContaining({ name: 'peak', kind: 'point' })]);
    expect(new Set(named(fig, 'grid (3 × 3)').x as number[])).toEqual(new Set([-4, -2.5, -1]));
    const [gridBest, randomBest, gridRates, randomRates, wins] = boldNumbers(markdown(report, 'Best score found'));
    // The grid's best: log₁₀ η = −2.5 against a peak at −2.2 with width 0.3, b irrelevant.
    expect(gridBest).toBeCloseTo(Math.exp(-0.5), 3);
    expect(randomBest).toBeGreaterThan(gridBest);
    expect([gridRates, randomRates]).toEqual([3, 9]);
    expect(wins).toBeGreaterThan(75);
    const both = await run(moved);
    expect(named(figure(both, 'Grid and random search with 16 runs'), 'grid (4 × 4)').x).toHaveLength(16);
    const [, , movedGridRates, movedRandomRates, movedWins] = boldNumbers(markdown(both, 'Best score found'));
    expect([movedGridRates, movedRandomRates]).toEqual([4, 16]);
    expect(movedWins).toBeLessThan(wins);
  }, 120_000);

  it('log-uniform draws give each decade the same share, uniform draws put about 90 % in the top one', async () => {
    for (const [controls, low] of [[{}, -4], [moved, -6]] as const) {
      const report = await run(controls);
      const [uniform, logUniform] = boldNumbers(markdown(report, 'Draws below'));
      const exactUniform = (0.01 - 10 ** low) / (0.1 - 10 ** low);
      expect(Math.abs(uniform / 100 - exactUniform)).toBeLessThan(0.02);
      expect(Math.abs(logUniform / 100 - (-2 - low) / (-1 - low))).toBeLessThan(0.03);
      const bars = figure(report, 'Share of 4000 draws').data;
      expect(bars.map((t) => (t.x as string[]).length)).toEqual([-1 - low, -1 - low]);
      for (const share of named(figure(report, 'Share of 4000 draws'), 'log-uniform').y as number[]) expect(Math.abs(share - 1 / (-1 - low))).toBeLessThan(0.03);
    }
  }, 120_000);

  it('the objective is scikit-learn\'s cross-validated Ridge error, and the optimiser\'s runs are what scikit-learn\'s GP with scipy\'s EI picks', async () => {
    const report = await run();
    const fig = figure(report, 'Bayesian optimisation: run 7 of 15');
    const curve = named(fig, 'validation error');
    expect(curve.x).toEqual(reference.grid.map((v) => expect.closeTo(v, 12)));
    (curve.y as number[]).forEach((v, i) => expect(v).toBeCloseTo(reference.gridErrors[i], 9));
    const earlier = named(fig, 'runs so far');
    (earlier.x as number[]).forEach((v, i) => expect(v).toBeCloseTo(reference.runs.x[i], 6));
    expect((named(fig, 'run 7: largest EI').x as number[])[0]).toBeCloseTo(reference.runs.x[6], 6);
    const best = named(figure(report, 'Best validation error so far'), 'Bayesian');
    (best.y as number[]).forEach((v, n) => expect(v).toBeCloseTo(Math.min(...reference.runs.y.slice(0, n + 1)), 9));
    const [boBest, gridBest, randomBest] = boldNumbers(markdown(report, 'After 15 runs'));
    expect(boBest).toBe(Number(Math.min(...reference.runs.y).toFixed(4)));
    expect(gridBest).toBe(Number(Math.min(...reference.gridErrors).toFixed(4)));
    expect(randomBest).toBeGreaterThan(boBest);
  }, 120_000);

  it('the stepper shows the surrogate behind each run: none for a random start, a band that pinches at the runs and EI that peaks at the pick', async () => {
    const start = figure(await run(moved), 'Bayesian optimisation: run 3 of 15');
    expect(start.data.some((t) => t.name === 'surrogate mean μ')).toBe(false);
    expect(named(start, 'run 3: random start')).toBeDefined();
    const fig = figure(await run(), 'Bayesian optimisation: run 7 of 15');
    const mean = named(fig, 'surrogate mean μ').y as number[];
    const upper = named(fig, 'μ ± 2σ').y as number[];
    const grid = named(fig, 'surrogate mean μ').x as number[];
    // Near an evaluated run the band is nearly shut and the mean goes through the measured error.
    const at = (v: number) => grid.reduce((best, g, i) => (Math.abs(g - v) < Math.abs(grid[best] - v) ? i : best), 0);
    const i = at(reference.runs.x[3]);
    expect(upper[i] - mean[i]).toBeLessThan(0.02);
    expect(Math.max(...upper.map((u, j) => u - mean[j]))).toBeGreaterThan(0.1);
    const ei = named(fig, 'expected improvement').y as number[];
    expect(Math.abs(grid[ei.indexOf(Math.max(...ei))] - reference.runs.x[6])).toBeLessThan(0.1);
  }, 120_000);

  it('the hand-written loop and EI equal the library\'s BayesianOptimizer and expectedImprovement', async () => {
    for (const value of boldNumbers(markdown(await run(), 'Largest difference between our'))) expect(value).toBeLessThan(1e-12);
  }, 120_000);
});
