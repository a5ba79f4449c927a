import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import type { Trace } from '../../src/plot/figure.ts';
import { allMarkdown, figureTitled, figureWithPanel, notebookRunner, numberAfter, titleOf, traceNamed } from './report-queries.ts';

const run = notebookRunner('dbscan');

// Three sets of controls in all, each shown once (notebookRunner) to the tests that read it.
const settings = {
  default: {},
  // Blobs of different density, a small ε, the probe in the gap between the tight blobs, early in the growth.
  blobs: { dataset: 'blobs of different density', eps: 0.1, minSamples: 8, wave: 1, probe: [0, 0], showCircles: true },
  circles: { dataset: 'circles' },
} satisfies Record<string, Record<string, ControlValue>>;
function shared(name: keyof typeof settings): Promise<RunReport> {
  return run(settings[name]);
}

const count = (traces: Trace[]) => traces.reduce((s, t) => s + (t.x as unknown[]).length, 0);

describe('notebooks/dbscan.md', () => {
  it('the hand-written DBSCAN gives the library\'s labels, core points and growth waves, on every data set tried', async () => {
    for (const report of [await shared('default'), await shared('blobs'), await shared('circles')]) {
      expect(report.ok).toBe(true);
      expect(numberAfter(report, 'Labels differing: **')).toBe(0);
      expect(numberAfter(report, 'core points differing: **')).toBe(0);
      expect(numberAfter(report, 'waves: **')).toBe(Number(/by hand, \*\*(\d+)\*\* in the library/.exec(allMarkdown(report))![1]));
    }
  }, 60_000);

  it('at the last wave the figure shows core, border and noise points in the counts the prose gives', async () => {
    const report = await shared('default');
    const chart = figureTitled(report, 'DBSCAN, ε = 0.2, minSamples = 5: wave');
    expect(titleOf(chart)).toContain('(done)');
    const clusters = numberAfter(report, 'minSamples = 5: **');
    expect(clusters).toBe(2);
    const core = chart.data.filter((t) => String(t.name).endsWith(': core'));
    const border = chart.data.filter((t) => String(t.name).endsWith(': border'));
    expect(count(core)).toBe(numberAfter(report, 'clusters, **'));
    expect(count(border)).toBe(numberAfter(report, 'core points,\n**'));
    expect(count([traceNamed(chart, 'noise')])).toBe(numberAfter(report, 'border points and **'));
    expect(count(core) + count(border) + count([traceNamed(chart, 'noise')])).toBe(280);
  }, 60_000);

  it('the stepper replays the growth: at wave 1 only the first core point is in a cluster, the rest not reached yet', async () => {
    const report = await shared('blobs');
    const chart = figureTitled(report, 'DBSCAN, ε = 0.1, minSamples = 8: wave 1/');
    expect(count([traceNamed(chart, 'added in this wave')])).toBe(1);
    expect(count([traceNamed(chart, 'not reached yet')])).toBe(299);
    // ε-circles around every core point, 33 points and a gap each.
    const cores = Number(/\*\*(\d+)\*\* core points/.exec(allMarkdown(report))![1]);
    expect(traceNamed(chart, 'ε around core points').x).toHaveLength(34 * cores);
  }, 60_000);

  it('the probe counts the points within ε and says what it would be', async () => {
    const onMoon = await shared('default');
    expect(numberAfter(onMoon, 'The probe at (0.00, 1.00) has **')).toBeGreaterThanOrEqual(5);
    expect(allMarkdown(onMoon)).toContain('so it would be a **core** point');
    const chart = figureTitled(onMoon, 'DBSCAN, ε = 0.2');
    expect(chart.inputs?.map((i) => i.name)).toEqual(['probe']);
    const between = await shared('blobs');
    expect(numberAfter(between, 'The probe at (0.00, 0.00) has **')).toBeLessThan(7);
    expect(allMarkdown(between)).toMatch(/so it would be (a \*\*border\*\* point|\*\*noise\*\*)/);
  }, 60_000);

  it('DBSCAN separates moons and rings that k-means cuts in half', async () => {
    for (const [name, kmeansAtMost] of [['default', 80], ['circles', 60]] as const) {
      const report = await shared(name);
      const kmeans = numberAfter(report, 'k-means labels **');
      const dbscan = numberAfter(report, 'DBSCAN **');
      expect(kmeans).toBeLessThan(kmeansAtMost);
      expect(dbscan).toBeGreaterThan(95);
      expect(figureWithPanel(report, 'k-means, k = 2')).toBeDefined();
    }
  }, 60_000);

  it('the ε sweep finds many small clusters and much noise at small ε and one cluster at large ε; no ε fits the blobs of different density', async () => {
    const report = await shared('default');
    const chart = figureWithPanel(report, 'clusters found');
    const clusters = traceNamed(chart, 'clusters').y as number[];
    const noise = traceNamed(chart, 'noise').y as number[];
    expect(clusters).toHaveLength(57);
    // Small ε: most points noise, the rest in many small clusters.
    expect(Math.max(...clusters.slice(0, 10))).toBeGreaterThan(4);
    expect(clusters[56]).toBe(1);
    expect(noise[0]).toBeGreaterThan(50);
    expect(noise[56]).toBeLessThan(noise[0]);
    // Your ε (0.2) ringed on both charts, at their values there.
    const at = 0.2;
    const rings = chart.layout.shapes as { name?: string; xref: string; xanchor: number; yanchor: number }[];
    const i = (traceNamed(chart, 'clusters').x as number[]).findIndex((e) => Math.abs(e - at) < 1e-9);
    expect(rings.map((r) => [r.xref, r.xanchor, r.yanchor])).toEqual([['x', at, clusters[i]], ['x2', at, noise[i]]]);
    expect(rings[0].name).toBe('your ε');
    expect(allMarkdown(report)).toMatch(/less than 10 % of the loose blob as noise: \*\*0\*\* of 57/);
    expect(allMarkdown(await shared('blobs'))).toMatch(/less than 10 % of the loose blob as noise: \*\*0\*\* of 57/);
  }, 60_000);

  it('the points whose k-distance exceeds ε are exactly the non-core points', async () => {
    for (const report of [await shared('default'), await shared('blobs')]) {
      const text = allMarkdown(report);
      const [, above, nonCore] = /\*\*(\d+)\*\* points have their \d+-th nearest point farther than ε = [\d.]+: those are exactly the points that are not core\n\((\d+) of them/.exec(text)!;
      expect(Number(above)).toBe(Number(nonCore));
      expect(Number(above)).toBeGreaterThan(0);
    }
  }, 60_000);
});
