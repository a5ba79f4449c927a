import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { figure, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

// scikit-learn's SimpleImputer, KNNImputer and LinearRegression on the notebook's own data at 30 %
// missing (tests/notebooks/fixtures/make_missing_values.py).
interface Reference {
  rmse: Record<string, number>;
  complete: number;
  trueMean: number;
  observedMean: number;
  missingAge: number;
  observedAge: number;
}
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/missing-values.json'), 'utf8')) as Record<'MCAR' | 'MAR' | 'MNAR', Reference>;
const run = notebookRunner('missing-values');
const imputers = ['mean', 'median', 'most frequent', 'kNN (k = 5)', 'mean + indicator'];

/** A path mark of the chart, by legend name, as its pieces ("M x,y L x,y …"), each a list of points. */
function pieces(chart: Figure, name: string): number[][][] {
  const mark = ((chart.layout.shapes ?? []) as { name?: string; path?: string }[]).find((m) => m.name === name);
  if (!mark?.path) throw new Error(`no path mark "${name}"`);
  return mark.path.split('M').slice(1).map((piece) => piece.split('L').map((point) => point.split(',').map(Number)));
}
/** The missing rows as [age, true income, fill]: a bar on the true value, then a line from it to the fill. */
function missing(chart: Figure): [number, number, number][] {
  const parts = pieces(chart, 'missing: true value → fill');
  const rows: [number, number, number][] = [];
  for (let j = 0; j < parts.length; j += 2) {
    const [[left, income], [right]] = parts[j];
    const [[age, from], [, to]] = parts[j + 1];
    expect([(left + right) / 2, from]).toEqual([age, income]);
    rows.push([age, income, to]);
  }
  return rows;
}
/** The imputer's fills as [age, fill], from their bars. */
const fills = (chart: Figure): [number, number][] => pieces(chart, 'the imputer\'s fill').map(([[left, fill], [right]]) => [(left + right) / 2, fill]);
const zip = (trace: Trace): [number, number][] => (trace.x as number[]).map((x, i) => [x, (trace.y as number[])[i]]);

function bars(report: Awaited<ReturnType<typeof run>>, mechanism: string): Record<string, number> {
  const chart = figure(report, `Test RMSE of the spend model, ${mechanism}, 30 % missing`);
  const trace = traceNamed(chart, 'imputed');
  return Object.fromEntries((trace.x as string[]).map((n, i) => [n, (trace.y as number[])[i]]));
}

describe('notebooks/missing-values.md', () => {
  it('each imputer gives the downstream error scikit-learn gives, under MAR (default) and MNAR', async () => {
    for (const [mechanism, report] of [['MAR', await run()], ['MNAR', await run({ mechanism: 'MNAR', imputer: 'mean + indicator' })]] as const) {
      const ref = sklearn[mechanism];
      const rmse = bars(report, mechanism);
      for (const name of imputers) {
        // Integer ages and tenures tie in distance; scikit-learn and the library pick different donors
        // among tied ones, so kNN imputation agrees to within a few thousandths only.
        expect(rmse[name], `${mechanism} ${name}`).toBeCloseTo(ref.rmse[name], name.startsWith('kNN') ? 2 : 9);
      }
      expect(numberAfter(report, 'No values missing: RMSE')).toBeCloseTo(ref.complete, 3);
      expect(numberAfter(report, 'Mean income of all training rows')).toBeCloseTo(ref.trueMean / 1000, 1);
      expect(numberAfter(report, 'of the observed ones')).toBeCloseTo(ref.observedMean / 1000, 1);
      expect(numberAfter(report, 'rows with a missing income')).toBeCloseTo(ref.missingAge, 1);
    }
  }, 120_000);

  it('what the prose claims: MAR misses the young and kNN beats the mean fill; MNAR hides the rich and the indicator wins; MCAR is unbiased', () => {
    const { MCAR, MAR, MNAR } = sklearn;
    expect(Math.abs(MCAR.observedMean / MCAR.trueMean - 1)).toBeLessThan(0.03);
    expect(MAR.observedAge - MAR.missingAge).toBeGreaterThan(10);
    expect(MAR.observedMean).toBeGreaterThan(MAR.trueMean);
    expect(MAR.rmse['kNN (k = 5)']).toBeLessThan(MAR.rmse.mean);
    expect(MNAR.observedMean).toBeLessThan(0.85 * MNAR.trueMean);
    expect(Math.min(...Object.values(MNAR.rmse))).toBe(MNAR.rmse['mean + indicator']);
    expect(MCAR.rmse['mean + indicator']).toBeGreaterThan(MCAR.rmse.mean);
    for (const ref of [MCAR, MAR, MNAR]) for (const name of imputers) expect(ref.rmse[name]).toBeGreaterThan(ref.complete);
  });

  it('the controls redraw the chart: mechanism, share missing and imputer', async () => {
    const base = await run();
    const moved = await run({ mechanism: 'MNAR', imputer: 'mean + indicator' });
    const chartBase = figure(base, 'MAR, 30 % of incomes missing; filled by mean');
    const chartMoved = figure(moved, 'MNAR, 30 % of incomes missing; filled by mean + indicator');
    // Every training row stays one dot at its true values; the controls move the marks only.
    expect(traceNamed(chartBase, 'training rows (true income)').x).toHaveLength(500);
    expect(chartMoved.data).toEqual(chartBase.data);
    // 30 % of 800 incomes are missing; the training rows hold about 500 · 0.3 of them.
    const missingBase = missing(chartBase);
    expect(missingBase.length).toBeGreaterThan(120);
    expect(missingBase.length).toBeLessThan(180);
    // Each missing row's line ends on the imputer's fill; mean fill: every fill is the same number.
    const fillsBase = fills(chartBase);
    expect(fillsBase.map(([age]) => age)).toEqual(missingBase.map(([age]) => age));
    expect(missingBase.map(([, , end]) => end)).toEqual(fillsBase.map(([, fill]) => fill));
    expect(new Set(fillsBase.map(([, fill]) => fill)).size).toBe(1);
    // The missing rows' true values are training rows' dots.
    const dots = new Set(zip(traceNamed(chartBase, 'training rows (true income)')).map(String));
    for (const [age, income] of missingBase) expect(dots.has(String([age, income]))).toBe(true);
    // MNAR hides the top incomes: the missing ones are richer than the observed ones.
    const median = (v: number[]) => v.slice().sort((a, b) => a - b)[v.length >> 1];
    const missingMoved = missing(chartMoved);
    const missingKeys = new Set(missingMoved.map(([age, income]) => String([age, income])));
    const observedMoved = zip(traceNamed(chartMoved, 'training rows (true income)')).filter((p) => !missingKeys.has(String(p)));
    expect(observedMoved.length + missingMoved.length).toBe(500);
    expect(median(missingMoved.map(([, income]) => income))).toBeGreaterThan(median(observedMoved.map(([, income]) => income)));
  }, 120_000);

  it('the hand-computed fills agree with SimpleImputer, and the indicator marks exactly the missing rows', async () => {
    const base = await run();
    expect(numberAfter(base, "mode and `SimpleImputer`'s:")).toBeLessThan(1e-12);
    expect(numberAfter(base, 'disagree with the missing rows:')).toBe(0);
  }, 120_000);
});
