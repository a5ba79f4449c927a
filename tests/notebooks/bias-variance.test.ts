import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Output } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { outputs, markdown, boldNumbers, titleOf, figure, axisTitle, notebookRunner, checksTable } from './report-queries.ts';

const run = notebookRunner('bias-variance', { timeoutMs: 60_000 });

function trace(fig: Figure, name: string): Trace {
  const found = fig.data.filter((t) => t.name === name);
  expect(found, `a trace named "${name}" in "${titleOf(fig)}"`).not.toHaveLength(0);
  return found[0];
}

function ys(t: Trace): number[] {
  return t.y as number[];
}

/** The decomposition table as numbers, one record per degree. */
function decompositionTable(report: RunReport): Record<string, number>[] {
  const tables = outputs(report).filter((o): o is Extract<Output, { kind: 'table' }> => o.kind === 'table' && o.columns.includes('bias²'));
  expect(tables).toHaveLength(1);
  const { columns, rows } = tables[0];
  return rows.map((row) => Object.fromEntries(columns.map((c, k) => [c, Number(row[k])])));
}

/** Spread (standard deviation) of the fan's curves at the first test point x = −1. */
function spreadAtLeftEdge(fig: Figure): number {
  const fan = trace(fig, 'other fits');
  const x = fan.x as (number | null)[];
  const y = fan.y as (number | null)[];
  const atEdge = y.filter((_, i) => x[i] === -1) as number[];
  const mean = atEdge.reduce((a, b) => a + b, 0) / atEdge.length;
  return Math.sqrt(atEdge.reduce((a, b) => a + (b - mean) ** 2, 0) / atEdge.length);
}

describe('notebooks/bias-variance.md', () => {
  it('the folded checks at the end: the hand-written bias² and variance equal the same averages taken with meanSquaredError, for every degree and for Ridge at the chosen α', async () => {
    for (const [report, alpha] of [[await run(), '1.0e-3'], [await run({ logAlpha: 2 }), '100']] as const) {
      const checks = checksTable(report);
      expect(checks.map((row) => row.hand)).toEqual([
        'biasVariance: bias², degrees 0–12', 'biasVariance: variance, degrees 0–12',
        `biasVariance: bias², Ridge α = ${alpha}`, `biasVariance: variance, Ridge α = ${alpha}`,
      ]);
      for (const row of checks) expect(row.gap).toBeLessThan(1e-10);
    }
  }, 120_000);

  it('bias² + variance + noise, computed by hand, matches the test error measured directly with meanSquaredError', async () => {
    const report = await run();
    const [gapPercent] = boldNumbers(markdown(report, 'Largest relative gap'));
    expect(gapPercent).toBeGreaterThanOrEqual(0);
    expect(gapPercent).toBeLessThan(3);
    for (const row of decompositionTable(report)) {
      expect(Math.abs(row['measured test error'] - row['bias² + variance + noise']) / row['measured test error']).toBeLessThan(0.03);
    }
  }, 120_000);

  it('the decomposition table shows bias² falling and variance rising with the degree, and noise near σ²', async () => {
    const table = decompositionTable(await run());
    expect(table.map((r) => r.degree)).toEqual(Array.from({ length: 13 }, (_, d) => d));
    for (let d = 1; d <= 4; d++) expect(table[d]['bias²']).toBeLessThan(table[d - 1]['bias²']);
    for (let d = 2; d <= 12; d++) expect(table[d].variance).toBeGreaterThan(table[d - 1].variance);
    expect(table[1]['bias²']).toBeGreaterThan(10 * table[1].variance); // a line is biased
    expect(table[12].variance).toBeGreaterThan(10 * table[12]['bias²']); // degree 12 varies
    for (const row of table) expect(row.noise).toBeCloseTo(0.3 ** 2, 2);
  }, 120_000);

  it('the noise slider sets the measured noise term to σ²', async () => {
    const table = decompositionTable(await run({ noise: 0.6 }));
    for (const row of table) expect(Math.abs(row.noise - 0.36) / 0.36).toBeLessThan(0.05);
  }, 120_000);

  it('train error only falls with the degree while test error is U-shaped and above the noise floor', async () => {
    const fig = figure(await run(), 'Train and test error against degree');
    const train = ys(trace(fig, 'train error'));
    const test = ys(trace(fig, 'test error'));
    const floor = ys(trace(fig, 'noise floor σ²'));
    for (let d = 1; d < train.length; d++) expect(train[d]).toBeLessThanOrEqual(train[d - 1]);
    const best = test.indexOf(Math.min(...test));
    expect(best).toBeGreaterThanOrEqual(2);
    expect(best).toBeLessThanOrEqual(6);
    expect(test[0]).toBeGreaterThan(2 * test[best]);
    expect(test[12]).toBeGreaterThan(2 * test[best]);
    test.forEach((e, d) => expect(e).toBeGreaterThan(floor[d]));
    expect(axisTitle(fig, 'xaxis')).toBe('polynomial degree');
    expect(axisTitle(fig, 'yaxis')).toBe('mean squared error');
    expect((fig.layout.yaxis as { type?: string }).type).toBe('log');
  }, 120_000);

  it('the degree slider redraws the fan: a degree-12 fan spreads far wider at the edge than a degree-3 one', async () => {
    const low = figure(await run(), 'Degree 3:');
    const high = figure(await run({ degree: 12 }), 'Degree 12:');
    for (const name of ['other fits', 'this training set', 'fit to this set', 'average fit f̄(x)', 'truth f(x)']) trace(low, name);
    expect(spreadAtLeftEdge(high)).toBeGreaterThan(3 * spreadAtLeftEdge(low));
    // The dotted marker on the decomposition chart follows the slider.
    const shapes = figure(await run({ degree: 12 }), 'Error decomposition').layout.shapes as { x0: number }[];
    expect(shapes[0].x0).toBe(12);
  }, 180_000);

  it('the stepper draws the fits one training set at a time on fixed axes', async () => {
    const first = figure(await run({ shown: 0 }), 'Degree 3:');
    const last = figure(await run(), 'Degree 3:');
    expect(titleOf(first)).toBe('Degree 3: fits to 1 of 100 training sets');
    expect(titleOf(last)).toBe('Degree 3: fits to 100 of 100 training sets');
    expect((trace(first, 'other fits').x as unknown[]).length).toBe(0);
    // 99 earlier curves of 50 points, each followed by a null gap.
    expect((trace(last, 'other fits').x as unknown[]).length).toBe(99 * 51);
    // With one set, the running average is that set's own fit.
    expect(ys(trace(first, 'average fit f̄(x)'))).toEqual(ys(trace(first, 'fit to this set')));
    expect(first.layout.yaxis).toMatchObject({ range: (last.layout.yaxis as { range: number[] }).range });
    expect(first.layout.xaxis).toMatchObject({ range: [-1.05, 1.05] });
  }, 180_000);

  it('learning curves: the too-simple model plateaus high, the too-complex one closes a large gap as n grows', async () => {
    const fig = figure(await run(), 'Learning curves');
    const [simpleTrain, simpleTest, , complexTrain, complexTest] = fig.data.map((t) => t.y as number[]);
    const last = simpleTest.length - 1;
    expect(simpleTest[last] - simpleTrain[last]).toBeLessThan(0.03);
    expect(simpleTest[last]).toBeGreaterThan(2 * 0.3 ** 2); // well above the noise floor
    expect(complexTrain[0]).toBeLessThan(1e-6); // 13 coefficients through 10 points
    expect(complexTest[0]).toBeGreaterThan(100 * complexTest[last]);
    expect(complexTest[last]).toBeLessThan(simpleTest[last]);
    expect(axisTitle(fig, 'xaxis')).toBe('training-set size n');
    expect(axisTitle(fig, 'xaxis2')).toBe('training-set size n');
  }, 120_000);

  it('Ridge: variance falls and bias² rises as α grows; the α slider moves the fits', async () => {
    const report = await run();
    const sweep = figure(report, 'Ridge on degree 12');
    const variance = ys(trace(sweep, 'variance'));
    for (let k = 1; k < variance.length; k++) expect(variance[k]).toBeLessThan(variance[k - 1]);
    const bias2 = ys(trace(sweep, 'bias²'));
    expect(bias2[bias2.length - 1]).toBeGreaterThan(50 * Math.min(...bias2));
    expect(axisTitle(sweep, 'xaxis')).toBe('α (L2 penalty strength)');

    const [smallBias2, smallVariance] = boldNumbers(markdown(report, 'At α = 1.0e-3'));
    const [largeBias2, largeVariance] = boldNumbers(markdown(await run({ logAlpha: 2 }), 'At α = 100'));
    expect(largeBias2).toBeGreaterThan(10 * smallBias2);
    expect(largeVariance).toBeLessThan(smallVariance / 5);
  }, 180_000);

  it('every figure has a title and titled axes', async () => {
    const figures = outputs(await run()).flatMap((o) => (o.kind === 'figure' ? [o.figure] : []));
    expect(figures).toHaveLength(7);
    for (const fig of figures) {
      expect(titleOf(fig)).not.toBe('');
      const axes = Object.keys(fig.layout).filter((k) => /^[xy]axis\d*$/.test(k));
      expect(axes.length).toBeGreaterThanOrEqual(2);
      for (const axis of axes) expect(axisTitle(fig, axis), `${titleOf(fig)} ${axis}`).toBeTruthy();
    }
  }, 120_000);

  it('the text quotes the refit counts the cells make: noise refits 13 degrees × R, 3 × 7 sizes × 30 sets and 11 α × R; n and R all but the learning curves; α only R models, the degree only its learning curve', async () => {
    for (const [controls, R, curves] of [[{}, 100, 3], [{ sets: 10 }, 10, 3], [{ degree: 12 }, 100, 2]] as const) {
      const text = markdown(await run(controls), 'Moving **noise σ**');
      const [degreeFits, curveFits, sweepFits, setRefits, alphaRefits, degreeRefits] = boldNumbers(text);
      expect(degreeFits).toBe(13 * R);
      expect(curveFits).toBe(curves * 7 * 30);
      expect(sweepFits).toBe(11 * R);
      expect(setRefits).toBe(13 * R + 11 * R);
      expect(alphaRefits).toBe(R);
      expect(degreeRefits).toBe(7 * 30);
      expect(text).not.toMatch(/second/);
    }
  }, 180_000);

  it('the third learning-curve panel follows the degree slider: degree 1 and 12 there match their fixed panels', async () => {
    const panels = async (degree: number) => {
      const chart = figure(await run({ degree }), 'Learning curves');
      return chart.data.filter((t) => t.name === 'test error').map((t) => t.y as number[]);
    };
    const [simple, complex, chosenSimple] = await panels(1);
    expect(chosenSimple).toEqual(simple);
    const [, complexAgain, chosenComplex] = await panels(12);
    expect(complexAgain).toEqual(complex);
    expect(chosenComplex).toEqual(complex);
  }, 180_000);

  it('the bias² floor at high degree is the wobble of f̄ (≈ variance/R) and visibly sinks when R goes from 100 to 300', async () => {
    const [few, many] = [await run(), await run({ sets: 300 })];
    const [measured, wobble] = boldNumbers(markdown(few, 'wobble of'));
    expect(wobble).toBeGreaterThan(0.5 * measured);
    const bias12 = (r: RunReport) => ys(trace(figure(r, 'Error decomposition'), 'bias²'))[12];
    expect(bias12(many)).toBeLessThan(0.5 * bias12(few));
  }, 180_000);
  it('one point, every set: at degree 10 the predictions spread far more at the edge than in the middle, and degree 1 is biased where degree 10 is not', async () => {
    const perPoint = async (controls: Record<string, number>) => {
      const report = await run(controls);
      const [bias2, variance] = boldNumbers(markdown(report, 'At $x_0 ='));
      const chart = figure(report, `Degree ${controls.degree} at x₀ =`);
      return { bias2, variance, bars: chart.data[0], fan: figure(report, `Degree ${controls.degree}: fits to`) };
    };
    const edge = await perPoint({ degree: 10, x0: 1 });
    const middle = await perPoint({ degree: 10, x0: 0 });
    const line = await perPoint({ degree: 1, x0: 0 });
    expect(edge.variance).toBeGreaterThan(20 * middle.variance);
    expect(line.bias2).toBeGreaterThan(20 * middle.bias2);
    expect(edge.bars.type).toBe('bar'); // the histogram helper bins in the sandbox
    // The fan chart marks x₀ with a dotted line at the nearest test point.
    const shapes = edge.fan.layout.shapes as { x0: number }[];
    expect(shapes.at(-1)?.x0).toBe(1);
    expect((middle.fan.layout.shapes as { x0: number }[]).at(-1)?.x0).toBeCloseTo(-0.0204, 3);
  }, 240_000);
});
