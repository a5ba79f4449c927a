import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { allMarkdown, figureTitled, figureWithPanel, notebookRunner, numberAfter, titleOf, traceNamed } from './report-queries.ts';

const run = notebookRunner('gaussian-mixtures');

// Three sets of controls in all, each shared by the tests that read it: the defaults, diag from seed 5 at
// step 3, and diag from seed 2 with a lower certainty threshold and fewer new points.
function shared(name: 'default' | 'diag seed 5' | 'diag seed 2'): Promise<RunReport> {
  const all: Record<string, Record<string, ControlValue>> = { default: {}, 'diag seed 5': { covarianceType: 'diag', seed: 5, step: 3 }, 'diag seed 2': { covarianceType: 'diag', seed: 2, certainty: 0.6, nNew: 100 } };
  return run(all[name]);
}

const pointCount = (traces: Trace[]) => traces.reduce((s, t) => s + (t.x as unknown[]).length, 0);
/** The figure's marks (layout shapes, see src/plot/marks.ts). */
const marks = (fig: Figure) => (fig.layout.shapes ?? []) as { type: string; name?: string; xref?: string; path?: string; xanchor?: number; yanchor?: number }[];

describe('notebooks/gaussian-mixtures.md', () => {
  it('the hand-written EM takes the same path as GaussianMixture.steps from the same start', async () => {
    for (const report of [await shared('default'), await shared('diag seed 2')]) {
      expect(report.ok).toBe(true);
      const iterations = numberAfter(report, 'Iterations: **');
      expect(iterations).toBeGreaterThan(3);
      expect(numberAfter(report, 'by hand, **')).toBe(iterations);
      expect(numberAfter(report, 'over all iterations: **')).toBeLessThan(1e-9);
      expect(numberAfter(report, 'in the final means: **')).toBeLessThan(1e-9);
      expect(numberAfter(report, 'in the final responsibilities: **')).toBeLessThan(1e-9);
    }
  }, 60_000);

  it('the stepper walks start, E-step, M-step: grey points with no responsibilities at the start, k components with two ellipses each, fixed axes', async () => {
    const start = figureTitled(await shared('default'), 'EM, k = 3, full: start');
    expect(new Set((traceNamed(start, 'points').marker as { color: string[] }).color)).toEqual(new Set(['#8c8c8c']));
    // Two ellipses per component (closed paths) and a dot at each mean, all marks over the one trace of points.
    expect(start.data).toHaveLength(1);
    expect(marks(start).filter((m) => m.type === 'path')).toHaveLength(6);
    expect(marks(start).filter((m) => m.type === 'path').map((m) => m.name)).toEqual(['component 0', undefined, 'component 1', undefined, 'component 2', undefined]);
    expect(marks(start).filter((m) => m.type === 'circle')).toHaveLength(3);
    expect(allMarkdown(await shared('default'))).toContain('**Start**: 3 components with weight 0.333 each');

    const later = await shared('diag seed 5');
    const chart = figureTitled(later, 'EM, k = 3, diag: iteration 2, E-step');
    // Responsibilities colour the points: mixed colours, not grey.
    expect(new Set((traceNamed(chart, 'points').marker as { color: string[] }).color).size).toBeGreaterThan(50);
    expect(allMarkdown(later)).toMatch(/\*\*Iteration 2, E-step\*\*: responsibilities recomputed; \d+ of 300 points/);
    expect((chart.layout.xaxis as { range: number[] }).range).toEqual((start.layout.xaxis as { range: number[] }).range);
    expect((chart.layout.yaxis as { range: number[] }).range).toEqual((start.layout.yaxis as { range: number[] }).range);
    // The M-step after it keeps the points' colours (the same responsibilities) and moves the ellipses and means.
    const mStep = figureTitled(await run({ covarianceType: 'diag', seed: 5, step: 4 }), 'EM, k = 3, diag: iteration 2, M-step');
    expect(mStep.data).toEqual(chart.data);
    expect(marks(mStep).map((m) => m.path ?? [m.xanchor, m.yanchor])).not.toEqual(marks(chart).map((m) => m.path ?? [m.xanchor, m.yanchor]));
    // Each ellipse's path starts at μ + r·(l₁₁, l₂₁) (t = 0): the dotted one (r = 2) twice as far from the mean's dot as the solid one.
    const means = marks(mStep).filter((m) => m.type === 'circle');
    const starts = marks(mStep).filter((m) => m.type === 'path').map((m) => /^M([-\d.]+),([-\d.]+)L/.exec(m.path!)!.slice(1).map(Number));
    means.forEach((mean, j) => {
      const [solid, dotted] = [starts[2 * j], starts[2 * j + 1]].map(([x, y]) => [x - mean.xanchor!, y - mean.yanchor!]);
      expect(Math.hypot(...solid)).toBeGreaterThan(0.1);
      expect(dotted[0]).toBeCloseTo(2 * solid[0], 3);
      expect(dotted[1]).toBeCloseTo(2 * solid[1], 3);
    });
  }, 60_000);

  it('the mean log-likelihood never falls from one E-step to the next, and the fit scores at least the true Gaussians', async () => {
    const report = await shared('default');
    const chart = figureTitled(report, 'Mean log-likelihood at each E-step');
    const path = traceNamed(chart, 'ℓ').y as number[];
    expect(path.length).toBeGreaterThan(4);
    for (let t = 1; t < path.length; t++) expect(path[t]).toBeGreaterThanOrEqual(path[t - 1] - 1e-12);
    expect(numberAfter(report, 'At convergence $\\ell$ = **')).toBeCloseTo(path[path.length - 1], 2);
    expect(numberAfter(report, 'At convergence $\\ell$ = **')).toBeGreaterThanOrEqual(numberAfter(report, 'really drew the data score'));
  }, 60_000);

  it('with diag covariances, seed 5 stops at a lower maximum than seed 2, as the prose says', async () => {
    const low = numberAfter(await shared('diag seed 5'), 'At convergence $\\ell$ = **');
    const high = numberAfter(await shared('diag seed 2'), 'At convergence $\\ell$ = **');
    expect(high - low).toBeGreaterThan(0.1);
  }, 60_000);

  it('soft beats hard on the tilted clouds: the mixture labels more points like the true components than k-means, and the certainty threshold marks the doubtful ones', async () => {
    const report = await shared('default');
    const mixture = numberAfter(report, 'the mixture labels **');
    const kmeans = numberAfter(report, 'k-means **');
    expect(mixture).toBeGreaterThan(95);
    expect(kmeans).toBeLessThan(mixture - 10);
    // The doubtful points are ringed on the mixture's panel (the first chart), each on a data point.
    const crosses = (r: RunReport) => {
      const figure = figureWithPanel(r, 'mixture: most responsible');
      const rings = marks(figure).filter((m) => m.type === 'circle');
      const points = figure.data.filter((t) => t.xaxis === undefined || t.xaxis === 'x');
      expect(pointCount(points)).toBe(300);
      for (const m of rings) {
        expect(m.xref).toBe('x');
        expect(points.some((t) => (t.x as number[]).some((x, i) => x === m.xanchor && (t.y as number[])[i] === m.yanchor))).toBe(true);
      }
      return rings.length;
    };
    const strict = await shared('default');
    expect(crosses(strict)).toBe(Number(/\*\*(\d+)\*\* of 300 points have no component above 0\.90/.exec(allMarkdown(strict))![1]));
    const loose = await shared('diag seed 2');
    expect(crosses(loose)).toBe(Number(/\*\*(\d+)\*\* of 300 points have no component above 0\.60/.exec(allMarkdown(loose))![1]));
    expect(crosses(loose)).toBeLessThan(crosses(strict));
  }, 60_000);

  it('sampling draws the number of points asked for, split between the components about as n·wₖ, and the samples score like the data', async () => {
    for (const [report, n] of [[await shared('default'), 300], [await shared('diag seed 2'), 100]] as const) {
      const chart = figureTitled(report, `${n} points drawn from the fitted mixture`);
      expect(pointCount(chart.data)).toBe(n);
      // On the data's axes, which are a figure of their own that no sampling control changes.
      const data = figureTitled(report, 'The 300 data points, by most responsible component');
      expect(pointCount(data.data)).toBe(300);
      expect(chart.layout.xaxis).toEqual(data.layout.xaxis);
      expect(chart.layout.yaxis).toEqual(data.layout.yaxis);
      const text = allMarkdown(report);
      const [, counts, expected] = new RegExp(`Of the ${n} new points, component by component: ([\\d, ]+) \\(expected\\n?([\\d., ]+)`).exec(text)!;
      const c = counts.split(', ').map(Number), e = expected.split(', ').map(Number);
      expect(c.reduce((s, v) => s + v, 0)).toBe(n);
      c.forEach((v, j) => expect(Math.abs(v - e[j])).toBeLessThan(4 * Math.sqrt(n)));
    }
    const report = await shared('default');
    expect(Math.abs(numberAfter(report, 'under the model is\n**') - numberAfter(report, "the data's **"))).toBeLessThan(0.2);
  }, 60_000);

  it('BIC is lowest for k = 3 with full covariances, the chart has every k for every type and circles the chosen model', async () => {
    const report = await shared('default');
    expect(allMarkdown(report)).toContain('Lowest BIC: **k = 3, full**');
    const chart = figureTitled(report, 'BIC against k');
    for (const type of ['full', 'diag', 'spherical']) expect(traceNamed(chart, type).y).toHaveLength(7);
    const full = traceNamed(chart, 'full').y as number[];
    expect(Math.min(...full)).toBe(full[2]);
    expect(titleOf(chart)).toBe('BIC against k (ringed: your k = 3, full)');
    expect(marks(chart).map((m) => [m.name, m.xanchor, m.yanchor])).toEqual([['your model', 3, full[2]]]);
    const diag = figureTitled(await shared('diag seed 2'), 'BIC against k (ringed: your k = 3, diag)');
    expect(marks(diag)[0].yanchor).toBe((traceNamed(diag, 'diag').y as number[])[2]);
    // p for the full model: 3 components × (2 mean + 3 covariance) + 2 weights.
    expect(numberAfter(report, 'The full model with k = 3 has p =')).toBe(17);
  }, 60_000);
});
