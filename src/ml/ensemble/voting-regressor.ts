import { cloneEstimator, type Predictor } from '../core/estimator.ts';
import { checkFitted, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { r2Score } from '../metrics/regression.ts';

export interface VotingRegressorParams {
  /** Named regressors, e.g. [['linear', new LinearRegression()], ['knn', new KNeighborsRegressor()]]. */
  estimators: [string, Predictor][];
  /** Weight of each estimator's prediction in the average (all 1 when undefined). */
  weights: number[] | undefined;
}

/** Averages the predictions of several regressors, optionally weighted (scikit-learn's VotingRegressor). */
export class VotingRegressor {
  readonly params: Readonly<VotingRegressorParams>;
  /** The fitted copies of the estimators, in order. */
  estimators?: Predictor[];

  constructor(params: Partial<VotingRegressorParams> = {}) {
    this.params = { estimators: [], weights: undefined, ...params };
  }

  /** Fits a fresh copy of every estimator on X, y. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'VotingRegressor.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const { estimators, weights } = this.params;
    if (estimators.length === 0) fail(where, "estimators is empty; pass e.g. [['linear', new LinearRegression()], ['knn', new KNeighborsRegressor()]]");
    if (weights !== undefined) {
      if (weights.length !== estimators.length) fail(where, `weights has ${weights.length} values but there are ${estimators.length} estimators`);
      const bad = weights.findIndex((w) => typeof w !== 'number' || !Number.isFinite(w));
      if (bad >= 0) fail(where, `weights[${bad}] is ${String(weights[bad])}, expected a finite number`);
      if (weights.reduce((s, w) => s + w, 0) === 0) fail(where, 'weights sum to 0, so the weighted mean is undefined');
    }
    this.estimators = estimators.map(([, e]) => cloneEstimator(e).fit(rows, target));
    return this;
  }

  /** Weighted mean of the estimators' predictions: Σ wₑ ŷₑ / Σ wₑ. */
  predict(X: MatrixLike): number[] {
    const columns = this.predictions(X, 'VotingRegressor.predict');
    const w = this.params.weights ?? columns.map(() => 1);
    const total = w.reduce((s, v) => s + v, 0);
    return columns[0].map((_, i) => columns.reduce((s, p, e) => s + w[e] * p[i], 0) / total);
  }

  /** Each estimator's predictions as a column: one row per row of X, one column per estimator. */
  transform(X: MatrixLike): number[][] {
    const columns = this.predictions(X, 'VotingRegressor.transform');
    return columns[0].map((_, i) => columns.map((p) => p[i]));
  }

  /** R² of the averaged predictions on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return r2Score(toVector(y, 'VotingRegressor.score', { length: predicted.length }), predicted);
  }

  private predictions(X: MatrixLike, where: string): number[][] {
    const fitted = checkFitted(this.estimators, where);
    const rows = toRows(X, where);
    return fitted.map((e) => e.predict(rows));
  }
}
