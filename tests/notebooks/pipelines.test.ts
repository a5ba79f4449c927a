import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figure, markdown, notebookRunner, numberAfter, boldNumbers, traceNamed } from './report-queries.ts';

// scikit-learn's Pipeline, ColumnTransformer, SelectKBest(f_classif), LogisticRegression and
// GridSearchCV on the notebook's own rows (tests/notebooks/fixtures/make_pipelines.py). Keys 'k,C'.
const sklearn = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/pipelines.json'), 'utf8')) as {
  grid: Record<string, { mean: number; folds: number[] }>;
  bestParams: { k: number; C: number };
  bestScore: number;
  bestFresh: number;
  selectOnAll: Record<string, number[]>;
  prepOnAll: Record<string, number[]>;
  fresh: Record<string, number>;
  leakyBest: string;
  tour: { medianIncome: number; meanAge: number; cityLevels: number; preparedColumns: number; kept: number[] };
  fOnOurs: (number | null)[];
  fOnFresh: (number | null)[];
};
const K = [1, 2, 3, 5, 8, 13, 20, 30, 50, 80];
const C = [0.1, 1, 10];
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const run = notebookRunner('pipelines');
const moved = { byHand: 'imputer, scaler, encoder', kStep: 3, searchByHand: true };

// Accuracies are counts of rows over 40 or 1,000: equal to scikit-learn's unless a prediction flips.
const EXACT = 12;

describe('notebooks/pipelines.md', () => {
  it('the grid search over the pipeline gives scikit-learn\'s mean accuracy for every k and C, and the same pick', async () => {
    const report = await run();
    const heat = figure(report, 'Search over the pipeline: 5-fold accuracy');
    const z = heat.data[0].z as number[][];
    C.forEach((c, row) => K.forEach((k, col) => expect(z[row][col], `k ${k}, C ${c}`).toBeCloseTo(sklearn.grid[`${k},${c}`].mean, EXACT)));
    const best = traceNamed(heat, 'best');
    expect([Number((best.x as string[])[0]), Number((best.y as string[])[0])]).toEqual([sklearn.bestParams.k, sklearn.bestParams.C]);
    const [k, c, score, fresh, leakyK, leakyC, leakyScore, leakyFresh] = boldNumbers(markdown(report, 'The pipeline search picks'));
    expect([k, c]).toEqual([sklearn.bestParams.k, sklearn.bestParams.C]);
    expect(score).toBeCloseTo(sklearn.bestScore, 3);
    expect(fresh).toBeCloseTo(sklearn.bestFresh, 3);
    expect(`${leakyK},${leakyC}`).toBe(sklearn.leakyBest);
    expect(leakyScore).toBeCloseTo(mean(sklearn.selectOnAll[sklearn.leakyBest]), 3);
    expect(leakyFresh).toBeCloseTo(sklearn.fresh[sklearn.leakyBest], 3);
    // What the prose claims: the leaky search claims more and delivers less on fresh customers.
    expect(leakyScore).toBeGreaterThan(score);
    expect(leakyFresh).toBeLessThan(fresh);
    expect(leakyK).toBeGreaterThan(k);
    // Check yourself, question 3: in this draw the fresh customers score the honest pick higher than its CV score.
    expect(fresh).toBeGreaterThan(score);
    expect(Object.keys(sklearn.grid)).toHaveLength(30);
  }, 120_000);

  it('the accuracy-against-k curves are scikit-learn\'s: by hand, the pipeline, fresh customers; the leak is large only with the selection', async () => {
    const report = await run();
    const chart = figure(report, 'Accuracy against k; imputer, scaler, encoder and SelectKBest');
    const curve = (name: string) => traceNamed(chart, name).y as number[];
    K.forEach((k, i) => {
      expect(curve('by hand, CV')[i], `hand k ${k}`).toBeCloseTo(mean(sklearn.selectOnAll[`${k},1`]), EXACT);
      expect(curve('pipeline, CV')[i], `pipeline k ${k}`).toBeCloseTo(sklearn.grid[`${k},1`].mean, EXACT);
      expect(curve('fresh 1,000 customers')[i], `fresh k ${k}`).toBeCloseTo(sklearn.fresh[`${k},1`], EXACT);
    });
    // Default k = 30: the fold crosses are the fold scores.
    expect(traceNamed(chart, 'by hand, each fold').y).toEqual(sklearn.selectOnAll['30,1']);
    expect(traceNamed(chart, 'pipeline, each fold').y).toEqual(sklearn.grid['30,1'].folds);
    const [kShown, hand, pipeline, fresh, handGap, pipelineGap] = boldNumbers(markdown(report, 'overstates the fresh accuracy'));
    expect(kShown).toBe(30);
    expect([hand, pipeline, fresh]).toEqual([mean(sklearn.selectOnAll['30,1']), sklearn.grid['30,1'].mean, sklearn.fresh['30,1']].map((v) => Number(v.toFixed(3))));
    expect(handGap).toBeCloseTo(100 * (hand - fresh), 1);
    expect(pipelineGap).toBeCloseTo(100 * Math.abs(pipeline - fresh), 1);
    // The claims: by hand is far above fresh at large k; the imputer-scaler-encoder leak is small.
    expect(hand - fresh).toBeGreaterThan(0.05);
    const gap = (scores: Record<string, number[]>, key: (k: number) => string) => Math.max(...K.map((k) => Math.abs(mean(scores[key(k)]) - sklearn.grid[`${k},1`].mean)));
    expect(numberAfter(report, 'pipeline\'s mean accuracy is')).toBeCloseTo(100 * gap(sklearn.prepOnAll, String), 1);
    expect(numberAfter(report, 'points\nthat way, against')).toBeCloseTo(100 * gap(sklearn.selectOnAll, (k) => `${k},1`), 1);
    expect(gap(sklearn.prepOnAll, String)).toBeLessThan(0.01);
    expect(gap(sklearn.selectOnAll, (k) => `${k},1`)).toBeGreaterThan(0.05);
  }, 120_000);

  it('the step table and the F scores are scikit-learn\'s', async () => {
    const report = await run();
    const table = markdown(report, '| step | learns from the rows it is fitted on |');
    expect(table).toContain(`the median income, ${Math.round(sklearn.tour.medianIncome).toLocaleString('en')}`);
    expect(table).toContain(`${sklearn.tour.cityLevels} of the 60 cities`);
    expect(table).toContain(`for each of the ${sklearn.tour.preparedColumns} prepared columns`);
    expect(numberAfter(report, 'The mean age the scaler learnt is')).toBeCloseTo(sklearn.tour.meanAge, 1);
    // The kept columns, by name: the first 3 prepared columns are age, income, tenure; questionnaire columns come last.
    const kept = [...table.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((name) => /^(age|income|tenure|plan=|city=|q\d)/.test(name));
    const firstQuestion = sklearn.tour.preparedColumns - 100;
    expect(kept.filter((n) => n.startsWith('q')).map((n) => Number(n.slice(1)) - 1 + firstQuestion)).toEqual(sklearn.tour.kept.filter((j) => j >= firstQuestion));
    const scatter = figure(report, '√F of each column');
    const ring = traceNamed(scatter, 'kept on all rows (k = 30)');
    const rootF = (v: (number | null)[]) => v.filter((f): f is number => f !== null).map(Math.sqrt).sort((a, b) => a - b);
    // Every √F drawn is one of scikit-learn's, on our 200 rows and on 200 fresh rows.
    const ours = rootF(sklearn.fOnOurs);
    const fresh = rootF(sklearn.fOnFresh);
    for (const x of ring.x as number[]) expect(Math.min(...ours.map((v) => Math.abs(v - x)))).toBeLessThan(1e-9);
    for (const v of ring.y as number[]) expect(Math.min(...fresh.map((f) => Math.abs(f - v)))).toBeLessThan(1e-9);
    // A kept city column that no fresh row of the 200 has is constant there (F = 0 / 0) and is not drawn.
    expect((ring.x as number[]).length).toBeGreaterThanOrEqual(28);
    expect((ring.x as number[]).length).toBeLessThanOrEqual(30);
    // The claim: kept noise columns fall back on fresh rows.
    const [here, elsewhere] = boldNumbers(markdown(report, 'The dotted diagonal'));
    expect(here).toBeGreaterThan(2 * elsewhere);
  }, 120_000);

  it('the controls redraw: the hand-made preparation, k and the search on hand-prepared data', async () => {
    const report = await run(moved);
    const chart = figure(report, 'Accuracy against k; imputer, scaler, encoder fitted on all rows by hand');
    K.forEach((k, i) => expect((traceNamed(chart, 'by hand, CV').y as number[])[i], `k ${k}`).toBeCloseTo(mean(sklearn.prepOnAll[String(k)]), EXACT));
    expect(traceNamed(chart, 'by hand, each fold').y).toEqual(sklearn.prepOnAll['5']);
    expect((chart.layout.shapes as { x0: number }[])[0].x0).toBe(5);
    expect(numberAfter(report, 'At $k$ =')).toBe(5);
    expect(traceNamed(figure(report, '√F of each column'), 'kept on all rows (k = 5)').x).toHaveLength(5);
    const heat = figure(report, 'Search on data prepared by hand: 5-fold accuracy');
    const z = heat.data[0].z as number[][];
    C.forEach((c, row) => K.forEach((k, col) => expect(z[row][col], `k ${k}, C ${c}`).toBeCloseTo(mean(sklearn.selectOnAll[`${k},${c}`]), EXACT)));
  }, 120_000);

  it('the written-out cross-validation equals GridSearchCV\'s, and the pipeline fitted on all rows is the hand-made model, a nested name reaches its step', async () => {
    const report = await run();
    expect(numberAfter(report, "written out and `GridSearchCV`'s:")).toBe(0);
    expect(numberAfter(report, 'against the steps fitted by hand:')).toBeLessThan(1e-12);
    expect(markdown(report, 'prep__num__impute__strategy')).toContain("sets the imputer's strategy to **mean**");
  }, 120_000);
});
