import { denseFromRows } from '../core/dense.ts';
import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { toRows, toVector } from '../core/validate.ts';
import { LinearRegressorBase } from './regressor-base.ts';
import type { SGDEvery, SGDOptions, SGDStep } from './sgd.ts';
import { checkSGDOptions, sgd } from './sgd.ts';
import { runToEnd } from '../core/run-to-end.ts';

const defaults: SGDOptions = {
  epsilon: 0.1, loss: 'squared_error', penalty: 'l2', alpha: 1e-4, l1Ratio: 0.15, fitIntercept: true, maxIter: 1000, tol: 1e-3,
  nIterNoChange: 5, learningRate: 'invscaling', eta0: 0.01, powerT: 0.25, batchSize: 1, shuffle: true, seed: 0,
};

/**
 * A linear regressor trained by stochastic, mini-batch or full-batch gradient descent on the
 * squared error, or on a robust loss: 'huber' (quadratic within `epsilon`, linear beyond),
 * 'epsilon_insensitive' (zero within `epsilon`, then linear: the SVR loss) or
 * 'squared_epsilon_insensitive'. `steps(X, y, 'update')` yields the weights after every update, for drawing the path.
 */
export class SGDRegressor extends LinearRegressorBase {
  readonly params: Readonly<SGDOptions>;
  protected readonly name = 'SGDRegressor';
  /** Epochs run by the last fit. */
  nIter?: number;
  /** Updates made by the last fit. */
  t?: number;

  constructor(options: Partial<SGDOptions> = {}) {
    super();
    this.params = { ...defaults, ...options };
  }

  /** Runs SGD until the stopping rule or maxIter epochs. */
  fit(X: MatrixLike, y: VectorLike): this {
    runToEnd(this.steps(X, y));
    return this;
  }

  /** One state per epoch (or per update); coef is 1 × d here, as the classifier's binary case. */
  *steps(X: MatrixLike, y: VectorLike, every: SGDEvery = 'epoch'): Generator<SGDStep, void, void> {
    const where = 'SGDRegressor.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    checkSGDOptions(this.params, ['squared_error', 'huber', 'epsilon_insensitive', 'squared_epsilon_insensitive'], where);
    this.nFeaturesIn = rows[0].length;
    for (const step of sgd(denseFromRows(rows), [Float64Array.from(target)], this.params, every)) {
      this.coef = step.coef[0];
      this.intercept = step.intercept[0];
      this.nIter = step.epoch;
      this.t = step.update;
      yield step;
    }
  }
}
