import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure } from '../../src/plot/figure.ts';
import { allMarkdown, boldNumbers, figureTitled, markdown, notebookRunner, numberAfter, outputs, traceNamed } from './report-queries.ts';

// scikit-learn on the notebook's own scores and points (tests/notebooks/fixtures/make_evaluation_metrics.py).
interface AtThreshold { threshold: number; tn: number; fp: number; fn: number; tp: number; precision: number; recall: number; specificity: number; f1: number; accuracy: number }
interface ShareReference { positives: number; negatives: number; rocAuc: number; averagePrecision: number; thresholds: AtThreshold[]; bestF1: { threshold: number; f1: number } }
interface RegressionMetrics { rmse: number; mae: number; r2: number }
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/evaluation-metrics.json'), 'utf8')) as {
  classification: Record<'50 %' | '5 %', ShareReference>;
  regression: { coef: number; intercept: number; clean: RegressionMetrics; withOutlier: RegressionMetrics };
};

const run = notebookRunner('evaluation-metrics');
const rare = { positiveShare: '5 %', cut: [0.3, 0.2], outlier: [3, -15] };

/** The layout shapes (marks) of a figure. */
const shapesOf = (figure: Figure) => (figure.layout.shapes ?? []) as Record<string, unknown>[];
/** The annotation texts of a figure. */
const annotationsOf = (figure: Figure) => ((figure.layout.annotations ?? []) as { text: string }[]).map((a) => a.text);

/** The percentage after `label` as a fraction. */
const percentAfter = (report: RunReport, label: string) => numberAfter(report, label) / 100;

function expectMetricsLike(report: RunReport, expected: AtThreshold) {
  expect(numberAfter(report, 'At $t$ =')).toBe(expected.threshold);
  expect(percentAfter(report, 'precision **')).toBeCloseTo(expected.precision, 3);
  expect(percentAfter(report, 'recall **')).toBeCloseTo(expected.recall, 3);
  expect(percentAfter(report, 'specificity\n**')).toBeCloseTo(expected.specificity, 3);
  expect(numberAfter(report, '$F_1$ **')).toBeCloseTo(expected.f1, 3);
  expect(percentAfter(report, 'accuracy **')).toBeCloseTo(expected.accuracy, 3);
  // The matrix's bold counts, row by row: TN, FP, then FN, TP.
  expect(boldNumbers(markdown(report, 'Confusion matrix at t ='))).toEqual([expected.tn, expected.fp, expected.fn, expected.tp]);
}

describe('notebooks/evaluation-metrics.md', () => {
  it('the confusion matrix and its ratios at the default threshold are scikit-learn\'s', async () => {
    const report = await run();
    expectMetricsLike(report, reference.classification['50 %'].thresholds[0]);
    expect(numberAfter(report, 'would score accuracy **')).toBe(50);
  }, 60_000);

  it('dragging the threshold and thinning the positives redraws the strip and matrix, still as scikit-learn counts them', async () => {
    const [plain, moved] = [await run(), await run(rare)];
    const expected = reference.classification['5 %'].thresholds[1];
    expectMetricsLike(moved, expected);
    expect(numberAfter(moved, 'would score accuracy **')).toBe(95);
    const strip = figureTitled(moved, `Test scores at 5 % positives (${expected.tp + expected.fn} of ${expected.tp + expected.fn + expected.tn + expected.fp} cases), threshold 0.30`);
    // The dots are the test set, a row per actual class; the threshold is the dashed line and the
    // edge of the shaded predicted-positive side, and the four counts are written in the corners.
    const positives = traceNamed(strip, 'actual positive').x as number[];
    const negatives = traceNamed(strip, 'actual negative').x as number[];
    expect(positives).toHaveLength(expected.tp + expected.fn);
    expect(positives.filter((s) => s >= 0.3)).toHaveLength(expected.tp);
    expect(negatives).toHaveLength(expected.tn + expected.fp);
    expect(negatives.filter((s) => s >= 0.3)).toHaveLength(expected.fp);
    const line = shapesOf(strip).find((shape) => shape.name === 'threshold t')!;
    expect([line.x0, line.x1]).toEqual([0.3, 0.3]);
    expect(shapesOf(strip).find((shape) => shape.name === 'predicted positive (score ≥ t)')?.x0).toBe(0.3);
    expect(annotationsOf(strip)).toEqual([
      `false negatives (missed): ${expected.fn}`, `true positives: ${expected.tp}`,
      `true negatives: ${expected.tn}`, `false positives (false alarms): ${expected.fp}`,
    ]);
    // Moving only the threshold leaves the dots as they were: the drag redraws the marks alone.
    const atDefault = figureTitled(await run({ positiveShare: '5 %' }), 'Test scores at 5 % positives');
    expect(atDefault.data).toEqual(strip.data);
    expect(annotationsOf(atDefault)).not.toEqual(annotationsOf(strip));
    // Thinning the positives keeps every negative where it was.
    const balanced = figureTitled(plain, 'Test scores at 50 % positives');
    expect(traceNamed(balanced, 'actual negative')).toEqual(traceNamed(strip, 'actual negative'));
    expect((traceNamed(balanced, 'actual positive').x as number[]).length).toBeGreaterThan(positives.length);
    expect(strip.inputs?.map((input) => [input.name, input.value])).toEqual([['cut', [0.3, 0.2]]]);
    expect(figureTitled(plain, 'Test scores at 50 % positives (785 of 1570 cases), threshold 0.50').inputs?.[0].value).toEqual([0.5, 0.5]);
  }, 60_000);

  it('ROC AUC is the pair-count probability and barely moves as positives get rare, while average precision falls', async () => {
    const [balanced, rareRun] = [await run(), await run(rare)];
    const [fifty, five] = [reference.classification['50 %'], reference.classification['5 %']];
    expect(numberAfter(balanced, 'the area under the ROC curve is **')).toBeCloseTo(fifty.rocAuc, 6);
    expect(numberAfter(balanced, '(pair count:')).toBeCloseTo(fifty.rocAuc, 6);
    expect(numberAfter(rareRun, 'the area under the ROC curve is **')).toBeCloseTo(five.rocAuc, 6);
    expect(numberAfter(balanced, 'the ROC AUC goes from **')).toBeCloseTo(fifty.rocAuc, 3);
    expect(numberAfter(balanced, 'positives the ROC AUC goes from **0.885** to\n**')).toBeCloseTo(five.rocAuc, 3);
    expect(numberAfter(balanced, 'average precision (the area under the PR curve, as a sum of\nsteps) falls from **')).toBeCloseTo(fifty.averagePrecision, 3);
    expect(numberAfter(balanced, 'falls from **0.800** to **')).toBeCloseTo(five.averagePrecision, 3);
    expect(Math.abs(five.rocAuc - fifty.rocAuc)).toBeLessThan(0.01);
    expect(five.averagePrecision).toBeLessThan(fifty.averagePrecision - 0.4);
    // The ring on the ROC curve sits at (FPR, TPR) of the threshold, the one on the PR curve at (recall, precision).
    const t = five.thresholds[1];
    const curves = figureTitled(rareRun, 'ROC and PR curves at 5 % positives, ring at t = 0.30');
    const [rocRing, prRing] = shapesOf(curves).filter((shape) => shape.type === 'circle');
    expect(rocRing.xref).toBe('x');
    expect(rocRing.xanchor as number).toBeCloseTo(t.fp / (t.fp + t.tn), 12);
    expect(rocRing.yanchor as number).toBeCloseTo(t.recall, 12);
    expect(prRing.xref).toBe('x2');
    expect(prRing.xanchor as number).toBeCloseTo(t.recall, 12);
    expect(prRing.yanchor as number).toBeCloseTo(t.precision, 12);
  }, 60_000);

  it('the best-F1 threshold is scikit-learn\'s on the same grid, at both shares', async () => {
    for (const [report, share] of [[await run(), '50 %'], [await run(rare), '5 %']] as const) {
      const best = reference.classification[share].bestF1;
      expect(numberAfter(report, 'the best $F_1$ is\n**')).toBeCloseTo(best.f1, 3);
      expect(allMarkdown(report)).toContain(`at $t$ = **${best.threshold.toFixed(2)}**`);
      const chart = figureTitled(report, `Metrics against the threshold, ${share} positives`);
      expect(traceNamed(chart, 'recall').y).toHaveLength(101);
      expect(shapesOf(chart).find((shape) => shape.name === 'your threshold t')?.x0).toBe(share === '5 %' ? 0.3 : 0.5);
    }
  }, 60_000);

  it('RMSE, MAE and R² are scikit-learn\'s, and one outlier moves RMSE far more than MAE', async () => {
    const report = await run();
    const { clean, withOutlier } = reference.regression;
    expect(numberAfter(report, 'Without the outlier: RMSE **')).toBeCloseTo(clean.rmse, 3);
    expect(numberAfter(report, 'Without the outlier: RMSE **0.910**, MAE **')).toBeCloseTo(clean.mae, 3);
    expect(numberAfter(report, 'With it: RMSE **')).toBeCloseTo(withOutlier.rmse, 3);
    expect(numberAfter(report, '(×')).toBeGreaterThan(3);
    const maeGrowth = /MAE \*\*[\d.]+\*\* \(×([\d.]+)\)/.exec(allMarkdown(report))![1];
    expect(Number(maeGrowth)).toBeLessThan(2);
    expect(allMarkdown(report)).toContain(`$R^2$ **${withOutlier.r2.toFixed(3)}**`);
    const line = traceNamed(figureTitled(report, 'A line, its test points and one outlier'), 'fitted line');
    expect((line.y as number[])[0]).toBeCloseTo(reference.regression.intercept, 9);
  }, 60_000);

  it('dragging the outlier below the line redraws its residual and changes the errors', async () => {
    const moved = await run(rare);
    const chart = figureTitled(moved, 'A line, its test points and one outlier (the handle), residual -');
    expect(chart.inputs?.map((input) => [input.name, input.value])).toEqual([['outlier', [3, -15]]]);
    // The residual runs from the line's prediction at x = 3 down to the outlier.
    const residual = shapesOf(chart).find((shape) => shape.name === "outlier's residual")!;
    expect([residual.x0, residual.x1, residual.y1]).toEqual([3, 3, -15]);
    expect(residual.y0 as number).toBeCloseTo(reference.regression.intercept + 3 * reference.regression.coef, 9);
    expect(chart.data).toEqual(figureTitled(await run(), 'A line, its test points and one outlier').data);
    expect(numberAfter(moved, 'With it: RMSE **')).not.toBeCloseTo(reference.regression.withOutlier.rmse, 2);
    expect(figureTitled(moved, 'Test error without and with the outlier').data).toHaveLength(2);
  }, 60_000);

  it('the hand-written counts, ratios, AUC and regression errors agree with the library', async () => {
    for (const report of [await run(), await run(rare)]) {
      expect(numberAfter(report, 'Confusion-matrix cells that differ:')).toBe(0);
      expect(numberAfter(report, 'specificity, $F_1$ and accuracy:')).toBeLessThan(1e-12);
      expect(numberAfter(report, '`rocAucScore` and the trapezoids:')).toBeLessThan(1e-12);
      expect(numberAfter(report, 'Largest difference in RMSE, MAE and $R^2$:')).toBeLessThan(1e-12);
      expect(outputs(report).some((o) => o.kind === 'table')).toBe(true);
    }
  }, 60_000);
});
