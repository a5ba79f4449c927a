import { checkCV, type CV } from './check-cv.ts';
import { cloneModel } from './clone.ts';
import type { AnyData, PredictorModel } from './model-types.ts';
import { getScorer, type Scoring } from './scoring.ts';
import { take } from './subset.ts';

/** scikit-learn's cv_results_ as columns: entry i describes candidate i. */
export interface CVResults {
  params: Record<string, unknown>[];
  meanTestScore: number[];
  /** Population standard deviation over folds (numpy's std). */
  stdTestScore: number[];
  /** 1 = best; ties share the smaller rank. */
  rankTestScore: number[];
  /** splitTestScores[i][f]: candidate i on fold f. */
  splitTestScores: number[][];
  meanTrainScore?: number[];
  meanFitTime: number[];
}

/** Cross-validates every candidate on the same folds and ranks them. */
export function evaluateCandidates(
  estimator: PredictorModel,
  candidates: Record<string, unknown>[],
  rows: unknown[],
  y: number[],
  options: { cv?: CV; scoring?: Scoring; returnTrainScore?: boolean },
  where: string,
): CVResults {
  const scorer = getScorer(options.scoring, where);
  const folds = [...checkCV(options.cv, estimator).split(rows, y)];
  const results: CVResults = { params: candidates, meanTestScore: [], stdTestScore: [], rankTestScore: [], splitTestScores: [], meanFitTime: [] };
  if (options.returnTrainScore) results.meanTrainScore = [];
  for (const params of candidates) {
    const scores: number[] = [];
    const trainScores: number[] = [];
    let fitTime = 0;
    for (const { train, test } of folds) {
      const model = cloneModel(estimator, params);
      const t0 = performance.now();
      model.fit(take(rows, train), take(y, train));
      fitTime += performance.now() - t0;
      scores.push(scorer(model, take(rows, test), take(y, test)));
      if (options.returnTrainScore) trainScores.push(scorer(model, take(rows, train), take(y, train)));
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    results.splitTestScores.push(scores);
    results.meanTestScore.push(mean);
    results.stdTestScore.push(Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length));
    results.meanFitTime.push(fitTime / folds.length);
    if (results.meanTrainScore) results.meanTrainScore.push(trainScores.reduce((a, b) => a + b, 0) / trainScores.length);
  }
  // rank = 1 + number of candidates with a strictly better mean (scipy rankdata 'min' on −mean).
  results.rankTestScore = results.meanTestScore.map((m) => 1 + results.meanTestScore.filter((o) => o > m).length);
  return results;
}

/** Index of the first candidate ranked 1. */
export function bestIndexOf(results: CVResults): number {
  return results.rankTestScore.indexOf(1);
}

/** The estimator refitted with the best parameters on all of X, y. */
export function refitBest(estimator: PredictorModel, params: Record<string, unknown>, X: AnyData, y: number[]): PredictorModel {
  const best = cloneModel(estimator, params);
  best.fit(X, y);
  return best;
}
