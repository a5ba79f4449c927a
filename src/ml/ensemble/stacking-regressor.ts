import { cloneEstimator, type Predictor } from '../core/estimator.ts';
import { checkFitted, checkPositiveInt, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { Ridge } from '../linear/ridge.ts';
import { r2Score } from '../metrics/regression.ts';
import { KFold } from '../model-selection/k-fold.ts';

export interface StackingRegressorParams {
  /** The base regressors whose predictions become the meta-model's features. */
  estimators: [string, Predictor][];
  /**
   * The meta-model, trained on the base models' out-of-fold predictions. Default `new Ridge()`
   * (alpha 1): scikit-learn's default is RidgeCV (alpha chosen among 0.1, 1, 10 by
   * leave-one-out), which this library does not have; pass a Ridge with another alpha to tune it.
   */
  finalEstimator: Predictor;
  /** Folds for the out-of-fold predictions: consecutive, unshuffled KFold, as scikit-learn's cv=5 for regressors. */
  cv: number;
  /** Also give the meta-model the original features (after the predictions). */
  passthrough: boolean;
}

/**
 * Stacked generalisation for regression (scikit-learn's StackingRegressor): a meta-model learns
 * how to combine base regressors from their out-of-fold predictions (each row predicted by
 * models that never saw it), so it weighs them by how they generalise rather than how well they
 * memorise. The base models are then refitted on all the data for prediction.
 */
export class StackingRegressor {
  readonly params: Readonly<StackingRegressorParams>;
  /** The base models fitted on all the data, in order. */
  estimators?: Predictor[];
  /** The meta-model fitted on the out-of-fold predictions. */
  finalEstimator?: Predictor;

  constructor(params: Partial<StackingRegressorParams> = {}) {
    this.params = { estimators: [], finalEstimator: new Ridge(), cv: 5, passthrough: false, ...params };
  }

  /** Fits the base models fold by fold, the meta-model on their out-of-fold predictions, then the base models on everything. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'StackingRegressor.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const { estimators, finalEstimator, cv } = this.params;
    if (estimators.length === 0) fail(where, "estimators is empty; pass e.g. [['linear', new LinearRegression()], ['knn', new KNeighborsRegressor()]]");
    if (finalEstimator === undefined || finalEstimator === null || typeof finalEstimator.fit !== 'function') {
      fail(where, 'finalEstimator must be a regressor, e.g. new Ridge()');
    }
    checkPositiveInt(cv, where, 'cv', 2);
    if (cv > rows.length) fail(where, `cv = ${cv} folds is more than the ${rows.length} rows`);
    const folds = [...new KFold({ nSplits: cv }).split(rows)];
    const outOfFold: number[][] = rows.map(() => []);
    for (const [, base] of estimators) {
      const column = new Array<number>(rows.length);
      for (const { train, test } of folds) {
        const model = cloneEstimator(base).fit(train.map((i) => rows[i]), train.map((i) => target[i]));
        const predicted = model.predict(test.map((i) => rows[i]));
        test.forEach((i, k) => (column[i] = predicted[k]));
      }
      column.forEach((v, i) => outOfFold[i].push(v));
    }
    this.finalEstimator = cloneEstimator(finalEstimator).fit(this.withPassthrough(outOfFold, rows), target);
    this.estimators = estimators.map(([, base]) => cloneEstimator(base).fit(rows, target));
    return this;
  }

  /** The meta-model's prediction from the base models' predictions. */
  predict(X: MatrixLike): number[] {
    return checkFitted(this.finalEstimator, 'StackingRegressor.predict').predict(this.metaFeatures(X, 'StackingRegressor.predict'));
  }

  /** The features the meta-model sees: each base model's predictions as a column (then X, with passthrough). */
  transform(X: MatrixLike): number[][] {
    return this.metaFeatures(X, 'StackingRegressor.transform');
  }

  /** R² of the predictions on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return r2Score(toVector(y, 'StackingRegressor.score', { length: predicted.length }), predicted);
  }

  private metaFeatures(X: MatrixLike, where: string): number[][] {
    const fitted = checkFitted(this.estimators, where);
    const rows = toRows(X, where);
    const columns = fitted.map((model) => model.predict(rows));
    return this.withPassthrough(rows.map((_, i) => columns.map((c) => c[i])), rows);
  }

  private withPassthrough(features: number[][], rows: number[][]): number[][] {
    return this.params.passthrough ? features.map((f, i) => [...f, ...rows[i]]) : features;
  }
}
