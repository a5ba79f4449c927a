import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import { allMarkdown, figureTitled, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';

// numpy's ALS from the same start on the notebook's own ratings, and scikit-learn's ndcg_score
// (tests/ml/fixtures/make_recommend.py; the notebook uses makeRatingsData's defaults).
interface AlsReference { trainRmse: number[]; heldOutRmse: number; rankingAt5: { precision: number; recall: number; ndcg: number; nUsers: number } }
const reference = JSON.parse(readFileSync(join(import.meta.dirname, '../ml/fixtures/recommend.json'), 'utf8')) as {
  als: Record<'k=3 lambda=1' | 'k=2 lambda=0.3' | 'k=6 lambda=0.1', AlsReference>;
  twoTower: { mse: number[] };
};

const run = notebookRunner('recommender');
const small = { nFactors: 2, lambda: 0.3, alsStep: 5 };
const overfit = { nFactors: 6, lambda: 0.1, revealed: 8, switchAt: 3 };

/** The RMSE figure's curves: per half-step at the chosen k, and after the last sweep for k = 1…8. */
function rmseCurves(report: RunReport, title: string) {
  const chart = figureTitled(report, title);
  const named = (name: string) => chart.data.filter((t) => t.name === name).map((t) => t.y as number[]);
  const [trainSteps, trainSweep] = named('training RMSE');
  const [heldOutSteps, heldOutSweep] = named('held-out RMSE');
  return { trainSteps, heldOutSteps, trainSweep, heldOutSweep };
}

function expectRankingLike(report: RunReport, expected: AlsReference['rankingAt5']) {
  const bars = figureTitled(report, `Held-out ranking quality at k = 5 (mean over ${expected.nUsers} users)`);
  const [precision, recall, ndcg] = traceNamed(bars, 'ranker (MF) alone').y as number[];
  expect(precision).toBeCloseTo(expected.precision, 9);
  expect(recall).toBeCloseTo(expected.recall, 9);
  expect(ndcg).toBeCloseTo(expected.ndcg, 9);
}

describe('notebooks/recommender.md', () => {
  it('ALS at the default k = 3, λ = 1 follows numpy half-step by half-step; the ranker scores as scikit-learn\'s ndcg_score', async () => {
    const report = await run();
    const fit = reference.als['k=3 lambda=1'];
    const curves = rmseCurves(report, 'ALS: k = 3, λ = 1');
    curves.trainSteps.forEach((v, t) => expect(v, `half-step ${t}`).toBeCloseTo(fit.trainRmse[t], 9));
    expect(curves.heldOutSteps.at(-1)).toBeCloseTo(fit.heldOutRmse, 9);
    expect(curves.heldOutSweep[2]).toBeCloseTo(fit.heldOutRmse, 9);
    expect(numberAfter(report, 'held-out RMSE\n**')).toBeCloseTo(fit.heldOutRmse, 3);
    expect(numberAfter(report, 'training RMSE **')).toBeCloseTo(fit.trainRmse.at(-1)!, 3);
    // Every model beats predicting the mean on held-out ratings.
    expect(fit.heldOutRmse).toBeLessThan(numberAfter(report, 'against **') - 0.2);
    expectRankingLike(report, fit.rankingAt5);
    // The stepper opens after the first users' half-step.
    figureTitled(report, `μ + PQᵀ at half-step 1 (users just solved): training RMSE ${fit.trainRmse[1].toFixed(3)}`);
    // The towers' training matches numpy's gradient descent.
    expect(numberAfter(report, 'training MSE from **')).toBeCloseTo(reference.twoTower.mse[0], 3);
    expect(allMarkdown(report)).toContain(`to\n**${reference.twoTower.mse.at(-1)!.toFixed(3)}**`);
    expect(numberAfter(report, 'solveUsers` and the library\'s users\' half-steps, over the\n10 sweeps at k = 3, λ = 1: **')).toBeLessThan(1e-12);
  }, 120_000);

  it('k = 2, λ = 0.3 refits like numpy; the stepper shows the state it points at', async () => {
    const report = await run(small);
    const fit = reference.als['k=2 lambda=0.3'];
    const curves = rmseCurves(report, 'ALS: k = 2, λ = 0.3');
    curves.trainSteps.forEach((v, t) => expect(v).toBeCloseTo(fit.trainRmse[t], 9));
    expect(curves.heldOutSteps.at(-1)).toBeCloseTo(fit.heldOutRmse, 9);
    expectRankingLike(report, fit.rankingAt5);
    const heatmap = figureTitled(report, `μ + PQᵀ at half-step 5 (users just solved): training RMSE ${fit.trainRmse[5].toFixed(3)}`);
    expect((heatmap.data[0].z as number[][]).length).toBe(60);
  }, 120_000);

  it('with λ = 0.1 the training error falls with k while the held-out error rises: overfitting', async () => {
    const report = await run(overfit);
    const fit = reference.als['k=6 lambda=0.1'];
    const curves = rmseCurves(report, 'ALS: k = 6, λ = 0.1');
    expect(curves.heldOutSweep[5]).toBeCloseTo(fit.heldOutRmse, 9);
    curves.trainSweep.slice(1).forEach((v, j) => expect(v).toBeLessThan(curves.trainSweep[j]));
    expect(curves.heldOutSweep[7]).toBeGreaterThan(curves.heldOutSweep[1] + 0.3);
    expect(curves.trainSweep[7]).toBeLessThan(0.25);
    expectRankingLike(report, fit.rankingAt5);
  }, 120_000);

  it('cold start: content-based is popularity at n = 0, and the policy follows the switch control', async () => {
    for (const [report, switchAt, revealed] of [[await run(), 6, 2], [await run(overfit), 3, 8]] as const) {
      const chart = figureTitled(report, 'Cold start: nDCG@5 on the true opinions of 15 new users');
      const y = (name: string) => traceNamed(chart, name).y as number[];
      const [popularity, content, mf, policy] = [y('popularity'), y('content-based (genres)'), y('matrix factorisation (fold-in)'), y(`policy: switch at ${switchAt}`)];
      expect(content[0]).toBe(popularity[0]);
      policy.forEach((v, n) => expect(v).toBe(n === 0 ? popularity[0] : n < switchAt ? content[n] : mf[n]));
      expect(numberAfter(report, 'popularity\n**')).toBeCloseTo(popularity[revealed], 3);
      expect(numberAfter(report, 'content-based **')).toBeCloseTo(content[revealed], 3);
      expect(numberAfter(report, 'matrix factorisation\n**')).toBeCloseTo(mf[revealed], 3);
      const firstLead = mf.findIndex((v, n) => n > 0 && v > content[n]);
      expect(numberAfter(report, 'first beats content-based at n =\n**')).toBe(firstLead);
      // A couple of genre ratings already beat popularity.
      expect(content[2]).toBeGreaterThan(popularity[2] + 0.05);
    }
    // At the defaults, the genres lead with 2 ratings and matrix factorisation leads by 12.
    const chart = figureTitled(await run(), 'Cold start');
    const [content, mf] = [traceNamed(chart, 'content-based (genres)').y as number[], traceNamed(chart, 'matrix factorisation (fold-in)').y as number[]];
    expect(content[2]).toBeGreaterThan(mf[2]);
    expect(mf[12]).toBeGreaterThan(content[12]);
  }, 120_000);
});
