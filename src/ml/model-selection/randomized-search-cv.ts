import { checkFitted, checkPositiveInt, toVector, type VectorLike } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import type { CV } from './check-cv.ts';
import type { AnyData, PredictorModel } from './model-types.ts';
import { parameterGrid, sampleParam, type ParamDistribution } from './parameter-grid.ts';
import { bestIndexOf, evaluateCandidates, refitBest, type CVResults } from './search-results.ts';
import { getScorer, type Scoring } from './scoring.ts';
import { asRows } from './subset.ts';

export interface RandomizedSearchCVParams {
  estimator: PredictorModel;
  /** Per option: an array to pick from, or { uniform | logUniform | int: [a, b] }. */
  paramDistributions: Record<string, ParamDistribution>;
  /** How many candidates to draw (default 10). */
  nIter?: number;
  cv?: CV;
  scoring?: Scoring;
  refit?: boolean;
  returnTrainScore?: boolean;
  seed?: number;
}

/**
 * Cross-validates nIter random candidates. When every option is a list, candidates are distinct
 * grid points (scikit-learn samples the grid without replacement).
 */
export class RandomizedSearchCV {
  readonly params: Readonly<RandomizedSearchCVParams>;
  cvResults?: CVResults;
  bestIndex?: number;
  bestParams?: Record<string, unknown>;
  bestScore?: number;
  bestEstimator?: PredictorModel;

  constructor(params: RandomizedSearchCVParams) {
    this.params = { nIter: 10, refit: true, seed: 0, ...params };
  }

  /** Draws the candidates, cross-validates them and refits the best. */
  fit(X: AnyData, y: VectorLike): this {
    const where = 'RandomizedSearchCV.fit';
    checkPositiveInt(this.params.nIter!, where, 'nIter');
    const rows = asRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const candidates = this.drawCandidates(where);
    this.cvResults = evaluateCandidates(this.params.estimator, candidates, rows, target, this.params, where);
    this.bestIndex = bestIndexOf(this.cvResults);
    this.bestParams = candidates[this.bestIndex];
    this.bestScore = this.cvResults.meanTestScore[this.bestIndex];
    if (this.params.refit !== false) this.bestEstimator = refitBest(this.params.estimator, this.bestParams, rows, target);
    return this;
  }

  predict(X: AnyData): number[] {
    return checkFitted(this.bestEstimator, 'RandomizedSearchCV.predict').predict(X);
  }

  score(X: AnyData, y: VectorLike): number {
    const best = checkFitted(this.bestEstimator, 'RandomizedSearchCV.score');
    return getScorer(this.params.scoring, 'RandomizedSearchCV.score')(best, X, Array.from(y));
  }

  private drawCandidates(where: string): Record<string, unknown>[] {
    const random = toRandom(this.params.seed);
    const dists = this.params.paramDistributions;
    const keys = Object.keys(dists).sort();
    const nIter = this.params.nIter!;
    if (keys.every((k) => Array.isArray(dists[k]))) {
      const grid = parameterGrid(dists as Record<string, unknown[]>, where);
      return random.sample(grid.length, Math.min(nIter, grid.length)).map((i) => grid[i]);
    }
    return Array.from({ length: nIter }, () => Object.fromEntries(keys.map((k) => [k, sampleParam(dists[k], random, k, where)])));
  }
}
