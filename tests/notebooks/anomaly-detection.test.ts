import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNotebook, type RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue, Output } from '../../src/kernel/types.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';

const file = join(import.meta.dirname, '../../notebooks/anomaly-detection.md');

// Three runs in all, each shared: the defaults (the probe on an ordinary point of the tight group),
// the probe on a scattered point with a larger contamination, early in the cutting, and the probe
// below the groups near the overall mean.
const settings: Record<string, Record<string, ControlValue>> = {
  default: {},
  moved: { probe: [5, -3], contamination: 0.12, cut: 1 },
  gap: { probe: [0.2, -1.5] },
};
const runs = new Map<string, Promise<RunReport>>();
function shared(name: 'default' | 'moved' | 'gap'): Promise<RunReport> {
  if (!runs.has(name)) runs.set(name, runNotebook(readFileSync(file), 'notebooks/anomaly-detection.md', { controls: settings[name] }));
  return runs.get(name)!;
}

const outputs = (report: RunReport): Output[] => report.cells.flatMap((c) => c.outputs);
const markdown = (report: RunReport): string => outputs(report).flatMap((o) => (o.kind === 'markdown' ? [o.markdown] : [])).join('\n');
function numberAfter(report: RunReport, label: string): number {
  const text = markdown(report);
  const at = text.indexOf(label);
  if (at < 0) throw new Error(`"${label}" not found in:\n${text}`);
  const match = /-?\d+(\.\d+)?(e[+-]?\d+)?/.exec(text.slice(at + label.length));
  if (!match) throw new Error(`no number after "${label}"`);
  return Number(match[0]);
}
const figures = (report: RunReport): Figure[] => outputs(report).flatMap((o) => (o.kind === 'figure' ? [o.figure] : []));
function titleOf(figure: Figure): string {
  const t = figure.layout.title;
  return typeof t === 'string' ? t : (t?.text ?? '');
}
function figureTitled(report: RunReport, start: string): Figure {
  const found = figures(report).find((f) => titleOf(f).startsWith(start));
  if (!found) throw new Error(`no figure titled "${start}…"; titles: ${figures(report).map(titleOf).join(' | ')}`);
  return found;
}
function trace(figure: Figure, name: string): Trace {
  const found = figure.data.find((t) => t.name === name);
  if (!found) throw new Error(`no trace named "${name}"; names: ${figure.data.map((t) => t.name).join(', ')}`);
  return found;
}

describe('notebooks/anomaly-detection.md', () => {
  it('the score by hand from the library\'s path lengths, c(128) and the contamination offset agree with IsolationForest', async () => {
    for (const report of [await shared('default'), await shared('moved')]) {
      expect(report.ok).toBe(true);
      expect(numberAfter(report, 'c(128) by hand')).toBe(numberAfter(report, 'in the library'));
      expect(numberAfter(report, 'Largest score difference: **')).toBeLessThan(1e-12);
      const offsets = /offset by hand (-?[\d.]+), in the library (-?[\d.]+)/.exec(markdown(report))!;
      expect(offsets[1]).toBe(offsets[2]);
    }
    // The share flagged follows the contamination: 7 % and 12 % of 215 points.
    expect(numberAfter(await shared('default'), 'points flagged: **')).toBe(15);
    expect(numberAfter(await shared('moved'), 'points flagged: **')).toBe(26);
  }, 60_000);

  it('an anomaly is isolated in fewer cuts than c(n), an ordinary point in more, and the stepper draws the cuts one at a time', async () => {
    const ordinary = await shared('default');
    expect(markdown(ordinary)).toContain('This **ordinary point** was alone after');
    expect(markdown(ordinary)).toContain('this point needs **more** cuts than a typical point');
    const cuts = numberAfter(ordinary, 'was alone after **');
    const full = figureTitled(ordinary, `Isolating one point: cut ${cuts} of ${cuts}`);
    // One segment per cut, each two ends and a gap.
    expect(trace(full, 'cuts').x).toHaveLength(3 * cuts);
    expect(trace(full, 'still with the point').x).toHaveLength(0);

    const anomaly = await shared('moved');
    expect(markdown(anomaly)).toContain('This **anomaly** was alone after');
    expect(markdown(anomaly)).toContain('this point needs **fewer** cuts than a typical point');
    expect(numberAfter(anomaly, 'and after\n**')).toBeLessThan(numberAfter(anomaly, '2(n-1)/n$ = **'));
    const first = figureTitled(anomaly, 'Isolating one point: cut 1 of');
    expect(trace(first, 'cuts').x).toHaveLength(3);
    expect(first.inputs?.map((i) => [i.name, i.value])).toEqual([['probe', [5, -3]]]);
  }, 60_000);

  it('the contamination moves the threshold: more points circled, and the heat map\'s threshold line moves', async () => {
    const [low, high] = [await shared('default'), await shared('moved')];
    const circled = (r: RunReport) => (trace(figureTitled(r, 'Isolation forest score'), 'flagged').x as number[]).length;
    expect(circled(low)).toBe(numberAfter(low, 'flags **'));
    expect(circled(high)).toBeGreaterThan(circled(low));
    const level = (r: RunReport) => (trace(figureTitled(r, 'Isolation forest score'), 'threshold').contours as { start: number }).start;
    expect(level(high)).toBeLessThan(level(low));
    expect(titleOf(figureTitled(high, 'Isolation forest score'))).toBe('Isolation forest score, contamination 0.12');
  }, 60_000);

  it('at a point below the groups near the overall mean, the isolation forest and the 5-NN distance flag it and the z-score does not', async () => {
    const text = markdown(await shared('gap'));
    expect(text).toMatch(/At the probe \(0\.20, -1\.50\): isolation forest \*\*[\d.]+\*\* \(threshold [\d.]+: \*\*flagged\*\*\); z-score \*\*[\d.]+\*\* \(threshold [\d.]+: not flagged\); 5-NN distance \*\*[\d.]+\*\* \(threshold [\d.]+: \*\*flagged\*\*\)/);
  }, 60_000);
});
