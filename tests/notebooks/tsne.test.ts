import { describe, expect, it } from 'vitest';
import { makeBlobs } from '../../src/ml/data/index.ts';
import { PCA, trustworthiness, tsneJointProbabilities } from '../../src/ml/decomposition/index.ts';
import type { Figure } from '../../src/plot/figure.ts';
import { boldNumbers, control, figure, markdown, notebookRunner, outputs, titleOf } from './report-queries.ts';
import { streamedRun } from './streamed-run.ts';

const run = notebookRunner('tsne');
const groupNames = ['A (tight)', 'B (tight, next to A)', 'C (wider)', 'D (widest)', 'E (far away)'];

/** The notebook's data, made the same way: five groups in 10-D. */
const axis = (f: number, length: number) => Array.from({ length: 10 }, (_, d) => (d === f ? length : 0));
const data = makeBlobs({
  nSamples: 150, centers: [axis(0, 0), axis(0, 3), axis(1, 12), axis(2, 12), axis(3, 40)], clusterStd: [0.3, 0.3, 1, 2, 1], seed: 4,
});

/** The rows of X in the order a scatter with labels draws them: group by group, in row order within a group. */
const byGroup = groupNames.flatMap((_, k) => data.X.filter((_, i) => data.y[i] === k));

/** The embedded points of a chart whose traces are named by group, in the order of byGroup. */
function embeddedPoints(chart: Figure): number[][] {
  return groupNames.flatMap((name) => {
    const t = chart.data.find((d) => d.name === name)!;
    return (t.x as number[]).map((x, i) => [x, (t.y as number[])[i]]);
  });
}

const rangeOf = (chart: Figure, axisName: string) => (chart.layout[axisName] as { range: number[] }).range;

describe('notebooks/tsne.md', () => {
  it('the hand-written P agrees with the library, and the σᵢ it quotes adapt to each group', async () => {
    const report = await run();
    expect(boldNumbers(markdown(report, 'Largest difference over all'))[0]).toBeLessThan(1e-15);
    // Median σᵢ per group at perplexity 20: the tight groups A and B get far narrower Gaussians than D.
    const [a, b, , d] = boldNumbers(markdown(report, 'median $\\sigma_i$'));
    expect(d / a).toBeGreaterThan(4);
    expect(d / b).toBeGreaterThan(4);
    // The library's P (checked against scikit-learn in tests/ml) is a probability distribution over pairs.
    const P = tsneJointProbabilities(data.X, 20);
    expect(P.flat().reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
  }, 60_000);

  it('the stepper starts in early exaggeration with fixed axes and ends in the main phase; the KL chart marks the step', async () => {
    const first = await run({ step: 0 });
    const last = await run({ step: 49 });
    const steps = control(first, 'step').control as { count: number };
    expect(steps.count).toBe(50);
    const startChart = figure(first, 't-SNE, iteration 10 (early exaggeration ×12)');
    const endChart = figure(last, 't-SNE, iteration 500 (main phase)');
    expect(rangeOf(endChart, 'xaxis')).toEqual(rangeOf(startChart, 'xaxis'));
    expect(rangeOf(endChart, 'yaxis')).toEqual(rangeOf(startChart, 'yaxis'));
    // The 10 spokes (one trace, segments split by gaps) join the chosen point to its neighbours at every step.
    const spokes = endChart.data.filter((t) => t.mode === 'lines+markers');
    expect(spokes).toHaveLength(1);
    const ring = endChart.data.find((t) => String(t.name).startsWith('point '))!;
    const spokeX = spokes[0].x as (number | null)[];
    expect(spokeX.filter((x) => x === null)).toHaveLength(10);
    expect(spokeX.filter((_, i) => i % 3 === 0)).toEqual(Array(10).fill((ring.x as number[])[0]));
    const kl = figure(last, 'KL(P ‖ Q) during the run');
    const klLine = kl.data[0];
    expect(kl.data.find((t) => t.name === 'this iteration')!.x).toEqual([500]);
    expect(kl.data.find((t) => t.name === 'this iteration')!.y).toEqual([(klLine.y as number[])[49]]);
    // The shaded band ends with exaggeration, after iteration 250, and KL drops when P returns to normal.
    const shapes = kl.layout.shapes as { x1: number }[];
    expect(shapes[0].x1).toBe(250);
    const y = klLine.y as number[];
    expect(y[25]).toBeLessThan(y[24]);
    expect(markdown(last, 'The shaded band')).toContain('drops after iteration 250');
  }, 60_000);

  it('trustworthiness, size and distance ratios in the prose are those of the embedding drawn', async () => {
    const report = await run({ step: 49 });
    const embedding = embeddedPoints(figure(report, 't-SNE, iteration 500'));
    const [pcaT, tsneT] = boldNumbers(markdown(report, 'With $k = 5$'));
    const pcaView = new PCA({ nComponents: 2 }).fitTransform(data.X);
    expect(pcaT).toBeCloseTo(trustworthiness(data.X, pcaView, 5), 3);
    expect(tsneT).toBeCloseTo(trustworthiness(byGroup, embedding, 5), 3);
    expect(tsneT).toBeGreaterThan(pcaT);
    // The table: D is 7 times as wide as A in 10-D and much less on the page; E's distance shrinks too.
    const table = markdown(report, 'radius of D / radius of A');
    const [sizeX, sizeT] = /radius of D \/ radius of A \| ([\d.]+) \| ([\d.]+)/.exec(table)!.slice(1).map(Number);
    const [gapX, gapT] = /distance A–E \/ distance A–B \| ([\d.]+) \| ([\d.]+)/.exec(table)!.slice(1).map(Number);
    const rms = (points: number[][]) => {
      const m = points[0].map((_, f) => points.reduce((s, p) => s + p[f], 0) / points.length);
      return Math.sqrt(points.reduce((s, p) => s + p.reduce((t, v, f) => t + (v - m[f]) ** 2, 0), 0) / points.length);
    };
    const inGroup = (points: number[][], k: number) => points.slice(30 * k, 30 * (k + 1));
    expect(sizeX).toBeCloseTo(rms(inGroup(byGroup, 3)) / rms(inGroup(byGroup, 0)), 1);
    expect(sizeT).toBeCloseTo(rms(inGroup(embedding, 3)) / rms(inGroup(embedding, 0)), 1);
    expect(sizeT).toBeLessThan(sizeX / 2);
    expect(gapX).toBeCloseTo(40 / 3, 0);
    expect(gapT).toBeLessThan(gapX / 2);
  }, 60_000);

  it('perplexity, early exaggeration and the start change the run, and every control is set as --set would', async () => {
    const base = await run({ step: 49 });
    const other = await run({ targetPerplexity: 5, exaggeration: 1, start: 'pca', step: 49 });
    expect(markdown(other, 'Ran t-SNE')).toContain('perplexity 5, early exaggeration 1, pca start');
    // With exaggeration 1 the first 250 iterations are not exaggerated: the title says so from the start.
    const chart = figure(other, 't-SNE, iteration 500 (main phase)');
    expect(embeddedPoints(chart)).not.toEqual(embeddedPoints(figure(base, 't-SNE, iteration 500')));
    // At perplexity 5 the Gaussians are narrower than at 20, group by group.
    const narrow = boldNumbers(markdown(other, 'median $\\sigma_i$'));
    const wide = boldNumbers(markdown(base, 'median $\\sigma_i$'));
    narrow.slice(0, 5).forEach((s, k) => expect(s).toBeLessThan(wide[k]));
    expect(outputs(other).some((o) => o.kind === 'figure')).toBe(true);
  }, 60_000);

  it('on the page, the run is live: the first 10 iterations draw at once, then the points move every 100 iterations to the headless result', async () => {
    const live = await streamedRun('tsne', (o) => (o.kind === 'figure' && titleOf(o.figure).startsWith('t-SNE, iteration') ? titleOf(o.figure) : undefined));
    expect(live.busyAfterPass).toBe(true);
    expect(live.frames.slice(0, live.framesAfterPass)).toEqual(['t-SNE, iteration 10 (early exaggeration ×12)']);
    expect(live.frames).toEqual([
      't-SNE, iteration 10 (early exaggeration ×12)', 't-SNE, iteration 100 (early exaggeration ×12)', 't-SNE, iteration 200 (early exaggeration ×12)',
      't-SNE, iteration 300 (main phase)', 't-SNE, iteration 400 (main phase)', 't-SNE, iteration 500 (main phase)',
    ]);
    // The stepper followed the newest iteration; the last frame is the headless run's, point for point.
    const headless = await run();
    const shown = live.outputs.flatMap((o) => (o.kind === 'figure' && titleOf(o.figure).startsWith('t-SNE, iteration') ? [o.figure] : []));
    expect(shown).toHaveLength(1);
    expect(embeddedPoints(shown[0])).toEqual(embeddedPoints(figure(headless, 't-SNE, iteration 500 (main phase)')));
    expect(live.outputs.some((o) => o.kind === 'markdown' && o.markdown.includes('*Optimising:'))).toBe(false);
  }, 60_000);
});
