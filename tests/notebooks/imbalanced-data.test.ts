import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/plot/figure.ts';
import { allMarkdown, control, figure, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';
import reference from './fixtures/imbalanced-data.json' with { type: 'json' };

const run = notebookRunner('imbalanced-data');
// The other controls, set as `stepwise run --set` does: a rarer minority, SMOTE with 3 neighbours,
// its 11th synthetic point, the 'balanced' weight of that data (25) and a lower threshold.
const rare = { minorityPercent: 2, method: 'SMOTE', kNeighbors: 3, which: 10, minorityWeight: 25, threshold: 0.3 };

/** The layout shapes (marks and class regions) of a figure. */
const shapesOf = (fig: Figure) => (fig.layout.shapes ?? []) as Record<string, unknown>[];
/** The shape of a figure named `name` (a mark with a legend entry). */
function shapeNamed(fig: Figure, name: string): Record<string, unknown> {
  const found = shapesOf(fig).find((shape) => shape.name === name);
  if (!found) throw new Error(`no shape named "${name}"; names: ${shapesOf(fig).map((shape) => shape.name).join(', ')}`);
  return found;
}

/** The percentages of a Markdown table row that starts with `| name |`. */
function rowPercents(text: string, name: string): number[] {
  const row = text.split('\n').find((line) => line.startsWith(`| ${name} |`));
  if (!row) throw new Error(`no table row "${name}" in:\n${text}`);
  return [...row.matchAll(/(-?[\d.]+) %/g)].map((m) => Number(m[1]) / 100);
}

describe('notebooks/imbalanced-data.md', () => {
  it('the accuracy paradox: its numbers are scikit-learn\'s, at 5 % and at 2 % minority', async () => {
    for (const [report, ref] of [[await run(), reference['5']], [await run(rare), reference['2']]] as const) {
      const table = markdown(report, '| on the test set | accuracy |');
      const [accuracy, precision, recall, f1] = rowPercents(table, 'logistic regression');
      expect(accuracy).toBeCloseTo(ref.plain.accuracy, 3);
      expect(precision).toBeCloseTo(ref.plain.precision, 3);
      expect(recall).toBeCloseTo(ref.plain.recall, 3);
      expect(f1).toBeCloseTo(ref.plain.f1, 3);
      expect(numberAfter(report, 'Always "majority" scores') / 100).toBeCloseTo(ref.alwaysMajority.accuracy, 3);
    }
    // The Check-yourself answer quotes 95 % and 98 %, and "a point or two" of accuracy more at 5 %.
    expect(numberAfter(await run(rare), 'Always "majority" scores')).toBe(98);
    const gain = numberAfter(await run(), 'only');
    expect(gain).toBeGreaterThan(0);
    expect(gain).toBeLessThan(2.5);
  }, 120_000);

  it('every resampling raises recall and lowers precision; the figure follows the method select', async () => {
    const report = await run();
    const table = markdown(report, '| trained on |');
    const [, nonePrecision, noneRecall] = rowPercents(table, 'none');
    for (const method of ['random oversampling', 'random undersampling', 'SMOTE']) {
      const [, precision, recall] = rowPercents(table, method);
      expect(recall).toBeGreaterThan(noneRecall + 0.3);
      expect(precision).toBeLessThan(nonePrecision);
    }
    expect(table).toContain('| random undersampling | 30 / 30 |');
    expect(figure(report, 'Trained on: none (570 / 30 rows)').data.some((t) => String(t.name ?? '').startsWith('synthetic'))).toBe(false);

    const smote = figure(await run(rare), 'Trained on: SMOTE (588 / 588 rows)');
    // One segment per synthetic point: two ends and a gap.
    expect(traceNamed(smote, 'segments between neighbours').x).toHaveLength(3 * 576);
    expect(traceNamed(smote, 'synthetic (576)').x).toHaveLength(576);
    // The class regions are two half-planes of the box (shapes); the plain model's and SMOTE's differ.
    const regions = (fig: Figure) => shapesOf(fig).filter((shape) => shape.type === 'path').map((shape) => shape.path);
    const plainRare = figure(await run({ ...rare, method: 'none' }), 'Trained on: none (588 / 12 rows)');
    expect(regions(smote)).toHaveLength(2);
    expect(regions(plainRare)).not.toEqual(regions(smote));
    expect(plainRare.data.slice(0, 2)).toEqual(smote.data.slice(0, 2));
    const under = figure(await run({ method: 'random undersampling' }), 'Trained on: random undersampling (30 / 30 rows)');
    expect(traceNamed(under, 'kept majority (30; the other 540 are dropped)').x).toHaveLength(30);
  }, 120_000);

  it('the hand-written SMOTE draws the library\'s points, and the stepper walks them', async () => {
    for (const report of [await run(), await run(rare)]) {
      expect(numberAfter(report, 'against `SMOTE.syntheticPairs`:')).toBe(0);
      expect(numberAfter(report, 'point difference')).toBe(0);
      expect(allMarkdown(report)).toContain('equal `confusionMatrix`: **yes**');
      expect(numberAfter(report, 'precision, recall, F1:')).toBeLessThan(1e-12);
    }
    const rareRun = await run(rare);
    expect((control(rareRun, 'which').control as { count: number }).count).toBe(576);
    const step = figure(rareRun, 'SMOTE step 10 of 575');
    // The drawn point's k = 3 neighbours as spokes from the ringed x, and the new point on the drawn one.
    const x = shapeNamed(step, 'x (drawn)');
    const spokes = shapesOf(step).filter((shape) => shape.type === 'line' && (shape.line as { dash?: string }).dash === 'dot');
    expect(spokes).toHaveLength(3);
    for (const spoke of spokes) expect([spoke.x0, spoke.y0]).toEqual([x.xanchor, x.yanchor]);
    expect(traceNamed(step, 'all 576 synthetic points').x).toHaveLength(576);
    const drawn = shapeNamed(step, 'the segment drawn');
    const [x0, x1, y0, y1] = [drawn.x0, drawn.x1, drawn.y0, drawn.y1] as number[];
    const newPoint = shapeNamed(step, 'new point');
    const [px, py] = [newPoint.xanchor, newPoint.yanchor] as number[];
    const u = Number(/u = ([\d.]+)/.exec(String((step.layout.title as { text: string }).text))![1]);
    expect(px).toBeCloseTo(x0 + u * (x1 - x0), 1);
    expect(py).toBeCloseTo(y0 + u * (y1 - y0), 1);
    // Stepping moves the marks only: the points are the same at every step.
    expect(figure(await run({ ...rare, which: 11 }), 'SMOTE step 11 of 575').data).toEqual(step.data);
    // A larger k makes longer segments on average.
    for (const report of [await run(), rareRun]) expect(numberAfter(report, 'with k = 1:')).toBeLessThan(numberAfter(report, 'with k = 8:'));
  }, 120_000);

  it('class weights: \'balanced\' is scikit-learn\'s, a weight equals copies, and the slider picks the model', async () => {
    const report = await run();
    expect(numberAfter(report, "'balanced' gives the majority")).toBeCloseTo(reference['5'].classWeight[0], 3);
    expect(numberAfter(report, 'and the minority')).toBeCloseTo(reference['5'].classWeight[1], 3);
    expect(numberAfter(report, "two fitted models' weights:")).toBeLessThan(1e-8);
    const sweep = figure(report, 'Test scores against the minority weight');
    const recall = traceNamed(sweep, 'recall').y as number[];
    expect(recall).toHaveLength(40);
    expect(recall[39]).toBeGreaterThan(recall[0]);
    expect(figure(report, 'Logistic regression, minority weight 1')).toBeDefined();

    const rareRun = await run(rare);
    const weighted = figure(rareRun, 'Logistic regression, minority weight 25');
    expect(shapesOf(weighted)).not.toEqual(shapesOf(figure(await run({ ...rare, minorityWeight: 1 }), 'Logistic regression, minority weight 1')));
    // The slider's weight is ringed on the sweep, at that weight's recall and precision.
    const rareSweep = figure(rareRun, 'Test scores against the minority weight; yours is 25');
    const rings = shapesOf(rareSweep).filter((shape) => shape.type === 'circle');
    expect(rings.map((ring) => ring.xanchor)).toEqual([25, 25]);
    expect(rings[0].yanchor as number).toBeCloseTo((traceNamed(rareSweep, 'recall').y as number[])[24], 12);
    expect(rings[1].yanchor as number).toBeCloseTo((traceNamed(rareSweep, 'precision').y as number[])[24], 12);
  }, 120_000);

  it('the threshold: the F1-best cut on validation, ROC AUC and AP are scikit-learn\'s; the marker follows the slider', async () => {
    for (const [report, ref] of [[await run(), reference['5']], [await run(rare), reference['2']]] as const) {
      expect(numberAfter(report, 'Cutting the unweighted model at')).toBeCloseTo(ref.bestThreshold, 3);
      expect(numberAfter(report, 'gives test F1') / 100).toBeCloseTo(ref.bestTestF1, 3);
      expect(numberAfter(report, 'ROC AUC')).toBeCloseTo(ref.rocAuc, 3);
      expect(numberAfter(report, 'average precision')).toBeCloseTo(ref.averagePrecision, 3);
      const [precision, recall, f1] = rowPercents(markdown(report, '| on the test set | threshold |'), "classWeight 'balanced'").slice(0, 3);
      expect(precision).toBeCloseTo(ref.balanced.precision, 3);
      expect(recall).toBeCloseTo(ref.balanced.recall, 3);
      expect(f1).toBeCloseTo(ref.balanced.f1, 3);
    }
    // The Check-yourself claim: a rarer minority barely moves ROC AUC but lowers AP.
    expect(reference['2'].averagePrecision).toBeLessThan(reference['5'].averagePrecision - 0.1);
    expect(Math.abs(reference['2'].rocAuc - reference['5'].rocAuc)).toBeLessThan(0.03);

    const low = figure(await run(rare), 'Precision–recall curve (validation), threshold 0.30');
    const high = figure(await run(), 'Precision–recall curve (validation), threshold 0.50');
    // Lowering the threshold moves the marker to higher recall.
    expect(shapeNamed(low, 'your threshold').xanchor as number).toBeGreaterThan(shapeNamed(figure(await run({ ...rare, threshold: 0.5 }), 'Precision–recall curve (validation), threshold 0.50'), 'your threshold').xanchor as number);
    expect(shapeNamed(high, 'your threshold').xanchor as number).toBeGreaterThan(0);
  }, 120_000);

  it('gradient boosting with \'balanced\' finds more of the minority', async () => {
    const report = await run();
    expect(numberAfter(report, 'without weights,')).toBeGreaterThan(numberAfter(report, 'Gradient boosting: recall'));
  }, 120_000);
});
