import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allMarkdown, figureTitled, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

// scikit-learn on the notebook's rows, series and (redrawn) noise data sets (tests/notebooks/fixtures/make_cross_validation.py).
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/cross-validation.json'), 'utf8')) as {
  foldAccuracy: Record<'k-fold' | 'stratified k-fold', number[]>;
  nested: { notNested15: number; nested15: number; notNested1: number; nested1: number }[];
  leak: { leaky: number; honest: number }[];
  timeSeriesRmse: number[];
};

const run = notebookRunner('cross-validation');
const other = { splitter: 'stratified k-fold', k: 10, candidatesTried: 1, featuresKept: 30, timeSplitter: 'shuffled k-fold', timeFold: 2 };
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The bars of the per-fold chart: [positive share per test fold, accuracy per test fold]. */
async function perFold(controls: Record<string, string | number> = {}) {
  const report = await run(controls);
  const chart = figureTitled(report, 'Per fold:');
  const bars = chart.data.filter((t) => t.type === 'bar').map((t) => t.y as number[]);
  return { report, share: bars[0], accuracy: bars[1] };
}

describe('notebooks/cross-validation.md', () => {
  it('plain k-fold on class-sorted rows makes single-class test folds, with scikit-learn\'s fold scores', async () => {
    const { report, share, accuracy } = await perFold();
    accuracy.forEach((a, f) => expect(a).toBeCloseTo(reference.foldAccuracy['k-fold'][f], 9));
    expect(share.filter((s) => s === 0 || s === 1)).toHaveLength(4);
    expect(numberAfter(report, 'points;')).toBe(4);
    expect(numberAfter(report, 'Mean\n**')).toBeCloseTo(100 * mean(reference.foldAccuracy['k-fold']), 1);
    const folds = figureTitled(report, 'k-fold, k = 5: test rows in colour');
    expect(folds.data[0].z as number[][]).toHaveLength(6);
  }, 60_000);

  it('stratified folds keep the 30 % positives in every test fold, the k slider draws a row per fold, and the scores are scikit-learn\'s', async () => {
    const { report, share, accuracy } = await perFold(other);
    expect(accuracy).toHaveLength(10);
    accuracy.forEach((a, f) => expect(a).toBeCloseTo(reference.foldAccuracy['stratified k-fold'][f], 9));
    // 45 positives over 10 folds of 15 rows: 4 or 5 in each.
    for (const s of share) expect([4 / 15, 5 / 15].some((v) => Math.abs(v - s) < 1e-12)).toBe(true);
    expect(numberAfter(report, 'points;')).toBe(0);
    const rows = figureTitled(report, 'stratified k-fold, k = 10').data[0].z as number[][];
    expect(rows).toHaveLength(11);
    for (const row of rows.slice(1)) expect(row.filter((v) => v > 0)).toHaveLength(15);
  }, 60_000);

  it('60 single splits spread wider than the k-fold estimate they are drawn against', async () => {
    const report = await run();
    const low = numberAfter(report, 'Single-split accuracies run from **');
    const high = numberAfter(report, '%** to\n**');
    expect(high - low).toBeGreaterThan(15);
    // The 5-fold mean, the line drawn against them, sits inside their range.
    const meanLine = (figureTitled(report, '60 single splits vs 5-fold mean').layout.shapes as { name: string; x0: number }[]).find((shape) => shape.name === 'k-fold mean')!;
    expect(100 * meanLine.x0).toBeGreaterThan(low);
    expect(100 * meanLine.x0).toBeLessThan(high);
  }, 60_000);

  it('on noise labels the best-of-15 search score is optimistic and the nested estimate is not, as scikit-learn computes them', async () => {
    for (const [controls, count] of [[{}, 15], [other, 1]] as const) {
      const report = await run(controls);
      const chart = figureTitled(report, `Estimated accuracy on noise labels, best of ${count} candidate`);
      const notNested = chart.data[0].y as number[];
      const nested = chart.data[1].y as number[];
      reference.nested.forEach((r, s) => {
        expect(notNested[s]).toBeCloseTo(count === 15 ? r.notNested15 : r.notNested1, 9);
        expect(nested[s]).toBeCloseTo(count === 15 ? r.nested15 : r.nested1, 9);
      });
      // One candidate: nothing is chosen, so the nested estimate is the plain cross-validated score.
      if (count === 1) expect(nested).toEqual(notNested);
    }
    const report = await run();
    const notNestedMean = numberAfter(report, 'cross-validated score averages **');
    const nestedMean = numberAfter(report, 'and the nested estimate **');
    expect(notNestedMean).toBeGreaterThan(57);
    expect(Math.abs(nestedMean - 50)).toBeLessThan(4);
  }, 60_000);

  it('feature selection on all rows scores far above chance on noise, inside the pipeline it does not; both as scikit-learn', async () => {
    const report = await run();
    const chart = figureTitled(report, '5-fold accuracy on noise labels, 10 of 2,000 features kept');
    const [leaky, honest] = chart.data.filter((t) => t.type === 'bar').map((t) => t.y as number[]);
    reference.leak.forEach((r, s) => {
      expect(leaky[s]).toBeCloseTo(r.leaky, 9);
      expect(honest[s]).toBeCloseTo(r.honest, 9);
    });
    expect(numberAfter(report, 'Selecting on all rows: **')).toBeGreaterThan(80);
    expect(numberAfter(report, 'checked below):\n**')).toBeLessThan(55);
    const wider = await run(other);
    expect(figureTitled(wider, '5-fold accuracy on noise labels, 30 of 2,000 features kept')).toBeDefined();
    expect(numberAfter(report, 'Data set 0, 10 features kept: **')).toBe(numberAfter(report, 'from the pipeline,\n**'));
    expect(numberAfter(report, 'Data set 0, 10 features kept: **')).toBeCloseTo(reference.leak[0].honest, 4);
    // More features kept: the leak is still far above chance, the honest score still near it.
    expect(numberAfter(wider, 'Selecting on all rows: **')).toBeGreaterThan(70);
  }, 60_000);

  it('time-series folds test on the block after training, shuffled folds interleave, and the shuffled error is too small', async () => {
    const report = await run();
    expect(numberAfter(report, 'time-series split **')).toBeCloseTo(mean(reference.timeSeriesRmse), 2);
    expect(numberAfter(report, 'shuffled k-fold **')).toBeLessThan(mean(reference.timeSeriesRmse) / 2);
    const forward = figureTitled(report, 'time-series split, fold 1 of 5');
    const [train, test] = ['train', 'test'].map((name) => traceNamed(forward, name).x as number[]);
    expect(Math.max(...train)).toBeLessThan(Math.min(...test));
    expect(forward.data.some((t) => t.name === `prediction (RMSE ${reference.timeSeriesRmse[0].toFixed(2)})`)).toBe(true);
    const shuffled = figureTitled(await run(other), 'shuffled k-fold, fold 3 of 5');
    const shuffledTest = traceNamed(shuffled, 'test').x as number[];
    const shuffledTrain = traceNamed(shuffled, 'train').x as number[];
    expect(shuffledTest).toHaveLength(40);
    expect(Math.min(...shuffledTrain)).toBeLessThan(Math.max(...shuffledTest));
    expect(Math.max(...shuffledTrain)).toBeGreaterThan(Math.min(...shuffledTest));
  }, 60_000);

  it('the hand-written nested search agrees with GridSearchCV and crossValScore', async () => {
    const report = await run();
    expect(numberAfter(report, 'candidate scores: **')).toBe(0);
    expect(numberAfter(report, 'by hand, **')).toBe(numberAfter(report, 'Best candidate: $k_{nn}$ = **'));
    const text = allMarkdown(report);
    const [, byHand, library] = /Nested estimate: \*\*([\d.]+)\*\* by hand, \*\*([\d.]+)\*\*/.exec(text)!;
    expect(byHand).toBe(library);
  }, 60_000);
});
