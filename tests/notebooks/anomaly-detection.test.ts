import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';
import { allMarkdown, figureTitled, notebookRunner, numberAfter, titleOf, traceNamed } from './report-queries.ts';

const run = notebookRunner('anomaly-detection');

// Three sets of controls in all, each shown once (notebookRunner): the defaults (the probe on an ordinary point of the tight group),
// the probe on a scattered point with a larger contamination, early in the cutting, and the probe
// below the groups near the overall mean.
const settings: Record<string, Record<string, ControlValue>> = {
  default: {},
  moved: { probe: [5, -3], contamination: 0.12, cut: 1 },
  gap: { probe: [0.2, -1.5] },
};
function shared(name: 'default' | 'moved' | 'gap'): Promise<RunReport> {
  return run(settings[name]);
}

describe('notebooks/anomaly-detection.md', () => {
  it('the score by hand from the library\'s path lengths, c(128) and the contamination offset agree with IsolationForest', async () => {
    for (const report of [await shared('default'), await shared('moved')]) {
      expect(report.ok).toBe(true);
      expect(numberAfter(report, 'c(128) by hand')).toBe(numberAfter(report, 'in the library'));
      expect(numberAfter(report, 'Largest score difference: **')).toBeLessThan(1e-12);
      const offsets = /offset by hand (-?[\d.]+), in the library (-?[\d.]+)/.exec(allMarkdown(report))!;
      expect(offsets[1]).toBe(offsets[2]);
    }
    // The share flagged follows the contamination: 7 % and 12 % of 215 points.
    expect(numberAfter(await shared('default'), 'points flagged: **')).toBe(15);
    expect(numberAfter(await shared('moved'), 'points flagged: **')).toBe(26);
  }, 60_000);

  it('an anomaly is isolated in fewer cuts than c(n), an ordinary point in more, and the stepper draws the cuts one at a time', async () => {
    const ordinary = await shared('default');
    expect(allMarkdown(ordinary)).toContain('This **ordinary point** was alone after');
    expect(allMarkdown(ordinary)).toContain('this point needs **more** cuts than a typical point');
    const cuts = numberAfter(ordinary, 'was alone after **');
    const full = figureTitled(ordinary, `Isolating one point: cut ${cuts} of ${cuts}`);
    // One segment per cut, each two ends and a gap.
    expect(traceNamed(full, 'cuts').x).toHaveLength(3 * cuts);
    expect(traceNamed(full, 'still with the point').x).toHaveLength(0);

    const anomaly = await shared('moved');
    expect(allMarkdown(anomaly)).toContain('This **anomaly** was alone after');
    expect(allMarkdown(anomaly)).toContain('this point needs **fewer** cuts than a typical point');
    expect(numberAfter(anomaly, 'and after\n**')).toBeLessThan(numberAfter(anomaly, '2(n-1)/n$ = **'));
    const first = figureTitled(anomaly, 'Isolating one point: cut 1 of');
    expect(traceNamed(first, 'cuts').x).toHaveLength(3);
    expect(first.inputs?.map((i) => [i.name, i.value])).toEqual([['probe', [5, -3]]]);
  }, 60_000);

  it('the contamination moves the threshold: more points circled, and the heat map\'s threshold line moves', async () => {
    const [low, high] = [await shared('default'), await shared('moved')];
    const circled = (r: RunReport) => (traceNamed(figureTitled(r, 'Isolation forest score'), 'flagged').x as number[]).length;
    expect(circled(low)).toBe(numberAfter(low, 'flags **'));
    expect(circled(high)).toBeGreaterThan(circled(low));
    const level = (r: RunReport) => (traceNamed(figureTitled(r, 'Isolation forest score'), 'threshold').contours as { start: number }).start;
    expect(level(high)).toBeLessThan(level(low));
    expect(titleOf(figureTitled(high, 'Isolation forest score'))).toBe('Isolation forest score, contamination 0.12');
  }, 60_000);

  it('at a point below the groups near the overall mean, the isolation forest and the 5-NN distance flag it and the z-score does not', async () => {
    const text = allMarkdown(await shared('gap'));
    expect(text).toMatch(/At the probe \(0\.20, -1\.50\): isolation forest \*\*[\d.]+\*\* \(threshold [\d.]+: \*\*flagged\*\*\); z-score \*\*[\d.]+\*\* \(threshold [\d.]+: not flagged\); 5-NN distance \*\*[\d.]+\*\* \(threshold [\d.]+: \*\*flagged\*\*\)/);
  }, 60_000);
});
