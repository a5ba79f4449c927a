import { cloneEstimator, type Predictor } from '../core/estimator.ts';
import { toRandom } from '../core/random.ts';
import { checkFitted, checkPositiveInt, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { r2Score } from '../metrics/regression.ts';
import { DecisionTreeRegressor } from '../tree/regressor.ts';
import { countOf, seedOverride } from './bagging.ts';

export interface BaggingRegressorParams {
  /** The regressor to bag (a fresh copy per bag); a fully grown decision tree by default. */
  estimator: Predictor;
  nEstimators: number;
  /** Rows per bag: an integer count or a fraction of n in (0, 1]. */
  maxSamples: number;
  /** Features per bag: an integer count or a fraction of d in (0, 1]. */
  maxFeatures: number;
  /** Draw rows with replacement (the bootstrap). */
  bootstrap: boolean;
  /** Draw features with replacement. */
  bootstrapFeatures: boolean;
  seed: number;
}

/**
 * Bootstrap aggregating for regression (Breiman 1996), scikit-learn's BaggingRegressor: fits
 * copies of one model on random samples of the rows (and optionally of the features) and
 * predicts the mean of their predictions. Averaging M models whose errors are only partly
 * correlated (ρ) divides the variable part of the error: Var = ρσ² + (1 − ρ)σ²/M.
 */
export class BaggingRegressor {
  readonly params: Readonly<BaggingRegressorParams>;
  estimators?: Predictor[];
  /** The rows each estimator was trained on (with repeats when bootstrapping), like estimators_samples_. */
  estimatorsSamples?: number[][];
  /** The feature indices each estimator was trained on. */
  estimatorsFeatures?: number[][];

  constructor(params: Partial<BaggingRegressorParams> = {}) {
    this.params = {
      estimator: new DecisionTreeRegressor(), nEstimators: 10, maxSamples: 1, maxFeatures: 1, bootstrap: true, bootstrapFeatures: false, seed: 0,
      ...params,
    };
  }

  /** Fits nEstimators copies, each on its own random sample. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'BaggingRegressor.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const p = this.params;
    checkPositiveInt(p.nEstimators, where, 'nEstimators');
    const nRows = countOf(p.maxSamples, rows.length, where, 'maxSamples');
    const nFeatures = countOf(p.maxFeatures, rows[0].length, where, 'maxFeatures');
    const random = toRandom(p.seed);
    this.estimators = [];
    this.estimatorsSamples = [];
    this.estimatorsFeatures = [];
    // Draw order per bag (features, rows, the model's seed) is the same as BaggingClassifier's.
    for (let e = 0; e < p.nEstimators; e++) {
      const features = random.sample(rows[0].length, nFeatures, p.bootstrapFeatures).sort((a, b) => a - b);
      const sample = random.sample(rows.length, nRows, p.bootstrap);
      const model = cloneEstimator(p.estimator, seedOverride(p.estimator, random.int(2 ** 31)));
      model.fit(sample.map((i) => features.map((f) => rows[i][f])), sample.map((i) => target[i]));
      this.estimators.push(model);
      this.estimatorsSamples.push(sample);
      this.estimatorsFeatures.push(features);
    }
    return this;
  }

  /** Each estimator's predictions: predictionsByEstimator(X)[e][i] is model e's ŷ for row i. */
  predictionsByEstimator(X: MatrixLike): number[][] {
    const estimators = checkFitted(this.estimators, 'BaggingRegressor.predictionsByEstimator');
    const rows = toRows(X, 'BaggingRegressor.predictionsByEstimator');
    return estimators.map((model, e) => model.predict(rows.map((row) => this.estimatorsFeatures![e].map((f) => row[f]))));
  }

  /** ŷ(x) = (1/M) Σ_e ŷ_e(x), the mean over the bags. */
  predict(X: MatrixLike): number[] {
    checkFitted(this.estimators, 'BaggingRegressor.predict');
    const byEstimator = this.predictionsByEstimator(X);
    return byEstimator[0].map((_, i) => byEstimator.reduce((s, p) => s + p[i], 0) / byEstimator.length);
  }

  /** R² on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    if (predicted.length !== y.length) fail('BaggingRegressor.score', `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
    return r2Score(toVector(y, 'BaggingRegressor.score', { length: predicted.length }), predicted);
  }
}
