import { checkFitted, fail, toVector, type VectorLike } from '../core/validate.ts';
import type { CV } from './check-cv.ts';
import { isClassifier, type AnyData, type PredictorModel } from './model-types.ts';
import { bestIndexOf, evaluateCandidates, refitBest, type CVResults } from './search-results.ts';
import { getScorer, type Scoring } from './scoring.ts';
import { asRows } from './subset.ts';

/** Options every search shares. */
export interface SearchCVParams {
  /** The model to tune (a Pipeline reaches step options as 'step__option'). */
  estimator: PredictorModel;
  cv?: CV;
  scoring?: Scoring;
  /** Refit the best candidate on all the data (bestEstimator, predict, score). Default true. */
  refit?: boolean;
  returnTrainScore?: boolean;
}

/**
 * A hyperparameter search: cross-validate each candidate, keep the best, refit it. Subclasses
 * only say which candidates to try (a grid, or random draws).
 */
export abstract class SearchCV<P extends SearchCVParams> {
  readonly params: Readonly<P>;
  cvResults?: CVResults;
  bestIndex?: number;
  bestParams?: Record<string, unknown>;
  bestScore?: number;
  bestEstimator?: PredictorModel;

  /** `name` is spelled out because minified builds rename classes. */
  protected constructor(protected readonly name: string, params: P) {
    this.params = params;
  }

  protected abstract candidates(where: string): Record<string, unknown>[];

  /** Cross-validates every candidate, then refits the best on all rows. */
  fit(X: AnyData, y: VectorLike): this {
    const where = `${this.name}.fit`;
    const rows = asRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const candidates = this.candidates(where);
    this.cvResults = evaluateCandidates(this.params.estimator, candidates, rows, target, this.params, where);
    this.bestIndex = bestIndexOf(this.cvResults);
    this.bestParams = candidates[this.bestIndex];
    this.bestScore = this.cvResults.meanTestScore[this.bestIndex];
    if (this.params.refit !== false) this.bestEstimator = refitBest(this.params.estimator, this.bestParams, rows, target);
    return this;
  }

  /** The model doing the predicting (see `offers`). */
  get wrapped(): PredictorModel {
    return this.params.estimator;
  }

  /** 'classifier' when the tuned model is one (so an outer cross-validation stratifies). */
  get estimatorType(): 'classifier' | 'regressor' {
    return isClassifier(this.params.estimator) ? 'classifier' : 'regressor';
  }

  /** The refitted best estimator's classes, for a classifier. */
  get classes(): number[] | undefined {
    return this.bestEstimator?.classes;
  }

  /** Predictions of the refitted best estimator. */
  predict(X: AnyData): number[] {
    return checkFitted(this.bestEstimator, `${this.name}.predict`).predict(X);
  }

  /** Class probabilities from the refitted best estimator. */
  predictProba(X: AnyData): number[][] {
    const where = `${this.name}.predictProba`;
    const best = checkFitted(this.bestEstimator, where);
    if (typeof best.predictProba !== 'function') fail(where, 'the tuned estimator has no predictProba');
    return best.predictProba(X);
  }

  /** The refitted best estimator's decision function. */
  decisionFunction(X: AnyData): number[] | number[][] {
    const where = `${this.name}.decisionFunction`;
    const best = checkFitted(this.bestEstimator, where);
    if (typeof best.decisionFunction !== 'function') fail(where, 'the tuned estimator has no decisionFunction');
    return best.decisionFunction(X);
  }

  /** The search's scoring applied to the refitted best estimator. */
  score(X: AnyData, y: VectorLike): number {
    const best = checkFitted(this.bestEstimator, `${this.name}.score`);
    return getScorer(this.params.scoring, `${this.name}.score`)(best, X, Array.from(y));
  }
}
