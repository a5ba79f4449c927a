import { checkFitted, toVector, type VectorLike } from '../core/validate.ts';
import type { CV } from './check-cv.ts';
import type { AnyData, PredictorModel } from './model-types.ts';
import { parameterGrid, type ParamGrid } from './parameter-grid.ts';
import { bestIndexOf, evaluateCandidates, refitBest, type CVResults } from './search-results.ts';
import { getScorer, type Scoring } from './scoring.ts';
import { asRows } from './subset.ts';

export interface GridSearchCVParams {
  /** The model to tune (a Pipeline reaches step options as 'step__option'). */
  estimator: PredictorModel;
  /** Values to try per option; every combination is cross-validated. A list of grids is tried in turn. */
  paramGrid: ParamGrid | ParamGrid[];
  cv?: CV;
  scoring?: Scoring;
  /** Refit the best combination on all the data (bestEstimator, predict, score). Default true. */
  refit?: boolean;
  returnTrainScore?: boolean;
}

/** Exhaustive search over a parameter grid, scoring each combination by cross-validation. */
export class GridSearchCV {
  readonly params: Readonly<GridSearchCVParams>;
  cvResults?: CVResults;
  bestIndex?: number;
  bestParams?: Record<string, unknown>;
  bestScore?: number;
  bestEstimator?: PredictorModel;

  constructor(params: GridSearchCVParams) {
    this.params = { refit: true, ...params };
  }

  /** Cross-validates every combination, then refits the best on all rows. */
  fit(X: AnyData, y: VectorLike): this {
    const where = 'GridSearchCV.fit';
    const rows = asRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const candidates = parameterGrid(this.params.paramGrid, where);
    this.cvResults = evaluateCandidates(this.params.estimator, candidates, rows, target, this.params, where);
    this.bestIndex = bestIndexOf(this.cvResults);
    this.bestParams = candidates[this.bestIndex];
    this.bestScore = this.cvResults.meanTestScore[this.bestIndex];
    if (this.params.refit !== false) this.bestEstimator = refitBest(this.params.estimator, this.bestParams, rows, target);
    return this;
  }

  /** Predictions of the refitted best estimator. */
  predict(X: AnyData): number[] {
    return checkFitted(this.bestEstimator, 'GridSearchCV.predict').predict(X);
  }

  /** The search's scoring applied to the refitted best estimator. */
  score(X: AnyData, y: VectorLike): number {
    const best = checkFitted(this.bestEstimator, 'GridSearchCV.score');
    return getScorer(this.params.scoring, 'GridSearchCV.score')(best, X, Array.from(y));
  }
}
