import type { MatrixLike, VectorLike } from './validate.ts';

/**
 * The shape every estimator shares, as in scikit-learn: options go to the constructor and are
 * kept in `params`; `fit` sets the fitted attributes and returns `this`.
 */
export interface Estimator<P extends object = object> {
  readonly params: Readonly<P>;
  fit(X: MatrixLike, y?: VectorLike): this;
}

export interface Predictor<P extends object = object> extends Estimator<P> {
  predict(X: MatrixLike): number[];
  score(X: MatrixLike, y: VectorLike): number;
}

export interface Classifier<P extends object = object> extends Predictor<P> {
  readonly classes?: number[];
  predictProba?(X: MatrixLike): number[][];
}

export interface Transformer<P extends object = object> extends Estimator<P> {
  transform(X: MatrixLike): number[][];
  fitTransform(X: MatrixLike, y?: VectorLike): number[][];
}

/**
 * A fresh, unfitted copy with some options changed (scikit-learn's `clone` + `set_params`).
 * Works for any estimator whose constructor takes its options object.
 */
export function cloneEstimator<E extends Estimator>(estimator: E, overrides: Partial<E['params']> = {}): E {
  const Ctor = estimator.constructor as new (params: object) => E;
  return new Ctor({ ...estimator.params, ...overrides });
}
