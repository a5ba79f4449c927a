import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Output } from '../../src/kernel/types.ts';
import type { Figure } from '../../src/plot/figure.ts';
import { allMarkdown, figureTitled, figureWithPanel, notebookRunner, numberAfter, outputs, traceNamed, checksTable } from './report-queries.ts';

// Every set of controls is shown once, and every cell must run clean under it (notebookRunner).
const run = notebookRunner('k-means');
const runDefault = () => run();

function control(report: RunReport, name: string): Extract<Output, { kind: 'control' }> {
  const found = outputs(report).find((o): o is Extract<Output, { kind: 'control' }> => o.kind === 'control' && o.name === name);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

function axisTitle(figure: Figure, axis: string): string | undefined {
  return ((figure.layout[axis] as { title?: { text?: string } } | undefined)?.title)?.text;
}

describe('notebooks/k-means.md', () => {
  it('the folded checks at the end: the hand-written assign and update steps agree with assignToNearest and updateCenters', async () => {
    const checks = checksTable(await runDefault());
    expect(checks.slice(0, 2).map((row) => row.library)).toEqual(['assignToNearest', 'updateCenters']);
    expect(checks[0].gap).toBe(0);
    expect(checks[1].gap).toBeLessThan(1e-12);
  }, 60_000);

  it('the folded checks at the end: the hand-written Lloyd loop takes the same path as KMeans.steps, for both initialisations', async () => {
    for (const init of ['random', 'k-means++']) {
      const checks = checksTable(await run({ init, k: 4, seed: 11 }));
      const [steps, labels, centroids, inertia] = checks.slice(2);
      expect(Number(/(\d+) by hand/.exec(steps.compared)![1])).toBeGreaterThan(2);
      expect(steps.gap).toBe(0);
      expect(labels.gap).toBe(0);
      expect(centroids.gap).toBeLessThan(1e-9);
      expect(inertia.gap).toBeLessThan(1e-9);
    }
  }, 120_000);

  it('the stepper walks start, assign, update, … and the chart shows k clusters, k centroids and fixed axes', async () => {
    const start = await run({ k: 3, step: 0 });
    const count = (control(start, 'step').control as { count: number }).count;
    // The start, then an assign and an update per iteration.
    expect(count % 2).toBe(1);
    const startChart = figureTitled(start, 'blobs, k = 3: start');
    expect(traceNamed(startChart, 'unassigned').x).toHaveLength(300);
    expect(traceNamed(startChart, 'centroids').x).toHaveLength(3);
    expect(axisTitle(startChart, 'xaxis')).toBe('x₁');
    expect(axisTitle(startChart, 'yaxis')).toBe('x₂');

    const later = await run({ k: 3, step: 3 });
    const chart = figureTitled(later, 'blobs, k = 3: iteration 2, assign');
    const clusterSizes = [0, 1, 2].map((j) => (traceNamed(chart, `cluster ${j}`).x as number[]).length);
    expect(clusterSizes.reduce((a, b) => a + b, 0)).toBe(300);
    expect(chart.data.some((t) => t.name === 'unassigned')).toBe(false);
    // Trails: the start and the one update so far, for each of the 3 centroids.
    const trails = chart.data.filter((t) => t.type === 'scatter' && t.mode === 'lines+markers');
    expect(trails).toHaveLength(3);
    for (const t of trails) expect(t.x).toHaveLength(2);
    // The axes do not depend on the step, so playing does not make the chart jump.
    expect((chart.layout.xaxis as { range: number[] }).range).toEqual((startChart.layout.xaxis as { range: number[] }).range);
    expect((chart.layout.yaxis as { range: number[] }).range).toEqual((startChart.layout.yaxis as { range: number[] }).range);
    expect(allMarkdown(later)).toContain('**Iteration 2, assign**');
  }, 60_000);

  it('the inertia never rises from one step to the next, and the last step reports convergence', async () => {
    const report = await run({ step: 1000 });
    const chart = figureTitled(report, 'Inertia after each step');
    const byStep = new Map<number, number>();
    for (const name of ['after assign', 'after update']) {
      const t = traceNamed(chart, name);
      (t.x as number[]).forEach((x, i) => byStep.set(x, (t.y as number[])[i]));
    }
    const path = [...byStep.entries()].sort((a, b) => a[0] - b[0]).map(([, j]) => j);
    expect(path.length).toBeGreaterThan(4);
    for (let t = 1; t < path.length; t++) expect(path[t]).toBeLessThanOrEqual(path[t - 1] * (1 + 1e-12));
    expect(allMarkdown(report)).toMatch(/Converged after \d+ iterations/);
    const ring = (chart.layout.shapes as { name?: string; xanchor: number; yanchor: number }[]).find((shape) => shape.name === 'this step');
    expect([ring?.xanchor, ring?.yanchor]).toEqual([path.length + 1, path[path.length - 1]]); // the stepper's last step, x = step + 1
  }, 60_000);

  it('k-means++ starts reach the best inertia more often than random starts on the blobs', async () => {
    const report = await runDefault();
    const randomHits = numberAfter(report, 'With k = 5:');
    const plusPlusHits = numberAfter(report, 'random starts and');
    expect(plusPlusHits).toBeGreaterThan(randomHits + 10);
    const chart = figureTitled(report, 'Final inertia of 50 single runs');
    expect(traceNamed(chart, 'random').y).toHaveLength(50);
    expect(traceNamed(chart, 'k-means++').y).toHaveLength(50);
    expect(axisTitle(chart, 'yaxis')).toBe('final inertia J');
  }, 60_000);

  it('elbow and silhouette point at the five blobs, but not at the two moons', async () => {
    const blobs = await run({ k: 4 });
    expect(numberAfter(blobs, 'Highest mean silhouette: **k =')).toBe(5);
    const chart = figureWithPanel(blobs, 'Elbow: inertia against k');
    const inertia = traceNamed(chart, 'inertia').y as number[];
    expect(inertia).toHaveLength(10);
    for (let k = 1; k < 10; k++) expect(inertia[k]).toBeLessThan(inertia[k - 1]);
    // The circled "your k" follows the slider.
    const rings = chart.layout.shapes as { name?: string; xref: string; xanchor: number; yanchor: number }[];
    expect(rings.map((r) => [r.xref, r.xanchor, r.yanchor])).toEqual([['x', 4, inertia[3]], ['x2', 4, (traceNamed(chart, 'mean silhouette').y as number[])[2]]]);
    expect(rings[0].name).toBe('your k = 4');

    const moons = await run({ dataset: 'moons' });
    expect(moons.ok).toBe(true);
    expect(numberAfter(moons, 'Highest mean silhouette: **k =')).not.toBe(2);
    expect(figureTitled(moons, 'moons, k = 5')).toBeDefined();
  }, 60_000);

  it('k-means splits moons and circles wrongly, and works again on the right features', async () => {
    const report = await runDefault();
    expect(numberAfter(report, 'moons **')).toBeLessThan(85);
    expect(numberAfter(report, 'circles **')).toBeLessThan(60);
    expect(numberAfter(report, 'k-means on $r$ alone puts **')).toBe(100);
    expect(numberAfter(report, 'on the stretched bands **')).toBeLessThan(75);
    expect(numberAfter(report, 'after dividing $x_1$ by 8 **')).toBeGreaterThan(95);
    const panels = figureWithPanel(report, 'circles: k-means, k = 2');
    expect(panels.data.filter((t) => t.name === 'group 0')).toHaveLength(4);
  }, 60_000);

  it('the stretched blobs are described with the constants the code uses: x₁ × 4 and x₂ × 0.5, a relative stretch of 8, undone by dividing x₁ by 8', async () => {
    const text = allMarkdown(await runDefault());
    expect(text).toContain('with $x_1$ then multiplied by 4 and $x_2$ by 0.5: $x_1$ is\nstretched 8 times as much as $x_2$');
    expect(text).toContain('Divide $x_1$ by 8 (a');
  }, 60_000);

  it('the lowest J never rises with k, but single runs can: a run with one cluster more ends higher than the same seed with one fewer', async () => {
    const report = await runDefault();
    expect(numberAfter(report, 'and 20 seeds: in')).toBeGreaterThan(0);
    const text = allMarkdown(report);
    expect(text).toContain('The best of the 20 runs at each k never rises.');
    const [, fewer, kFewer, more, kMore] = /J = ([\d.]+) with k = (\d+) but ([\d.]+) with k = (\d+)/.exec(text)!.map(Number);
    expect(kMore).toBe(kFewer + 1);
    expect(more).toBeGreaterThan(fewer);
  }, 60_000);

  it('the outlier toggle adds one far point that either takes a centroid for itself or pulls its cluster\'s centroid toward it', async () => {
    const [plain, pulled, alone] = [await runDefault(), await run({ addOutlier: true }), await run({ addOutlier: true, init: 'k-means++' })];
    expect(allMarkdown(plain)).toContain('Tick *add one far outlier*');
    const farthest = (r: RunReport) => Math.max(...figureTitled(r, 'blobs, k = 5:').data
      .filter((t) => t.type === 'scatter').flatMap((t) => (t.x as (number | null)[]).filter((x): x is number => x !== null)));
    const width = farthest(plain);
    expect(farthest(pulled)).toBeGreaterThan(width + 30);
    expect(numberAfter(pulled, 'pulls that cluster\'s centroid')).toBeGreaterThan(0.5);
    expect(allMarkdown(alone)).toContain('the outlier has **a centroid to itself**');
    expect(allMarkdown(alone)).toContain('the other\n300 points share the remaining 4 centroids');
  }, 120_000);
  it('centroids placed by hand start the run where they were put, as handles on the step chart, and the outlier is draggable too', async () => {
    const placed = [[-6, -6], [-5, -5], [0, 0], [5, 5], [6, 6]];
    const report = await run({ init: 'placed by hand', placed, step: 0, addOutlier: true, outlierPoint: [20, 0] });
    const chart = figureTitled(report, 'blobs, k = 5: start');
    const centroids = chart.data.find((t) => t.name === 'centroids')!;
    expect((centroids.x as number[]).map((x, j) => [x, (centroids.y as number[])[j]])).toEqual(placed);
    expect(chart.inputs?.map((input) => [input.name, input.value])).toEqual([['placed', placed], ['outlierPoint', [20, 0]]]);
    const points = chart.data.filter((t) => t.type === 'scatter').flatMap((t) => (t.x as (number | null)[]).filter((x): x is number => x !== null));
    expect(Math.max(...points)).toBe(20);
    // Without "placed by hand" the chart has no centroid handles; a list of the wrong length falls back to the default.
    const random = figureTitled(await runDefault(), 'blobs, k = 5:');
    expect(random.inputs ?? []).toEqual([]);
    const wrongLength = await run({ init: 'placed by hand', placed: [[0, 0]], step: 0 });
    expect(figureTitled(wrongLength, 'blobs, k = 5: start').inputs?.[0].value).toHaveLength(5);
  }, 120_000);
});
