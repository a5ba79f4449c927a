import { describe, expect, it } from 'vitest';
import { HuberRegressor, SGDRegressor, huberLoss, pointwiseLoss } from '../../src/ml/index.ts';
import { lossFunction, type SGDLoss } from '../../src/ml/linear/sgd-loss.ts';
import fx from './fixtures/robust-losses.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), v]));

describe('HuberRegressor against scikit-learn (make_robust_losses.py)', () => {
  const { X, y, fits } = fx.huberRegressor;

  it("with scikit-learn's stopping rule it lands within 1e-4 of scikit-learn's fit and flags the same outliers, for each setting", () => {
    for (const ref of fits) {
      const label = JSON.stringify(ref.options);
      const m = new HuberRegressor(camel(ref.options)).fit(X, y);
      expectClose(m.coef, ref.coef, 1e-4, `${label} coef`);
      expectClose(m.intercept, ref.intercept, 1e-4, `${label} intercept`);
      expectClose(m.scale, ref.scale, 1e-4, `${label} scale`);
      expect(m.outliers, label).toEqual(ref.outliers);
    }
  });

  it('with a tight tol it reaches the optimum of the same objective within 1e-6', () => {
    for (const ref of fits) {
      const label = JSON.stringify(ref.options);
      const m = new HuberRegressor({ ...camel(ref.options), tol: 1e-10, maxIter: 10_000 }).fit(X, y);
      expectClose(m.coef, ref.optimum.coef, 1e-6, `${label} coef`);
      expectClose(m.intercept, ref.optimum.intercept, 1e-6, `${label} intercept`);
      expectClose(m.scale, ref.optimum.scale, 1e-6, `${label} scale`);
    }
  });

  it('shrugs off the outliers that pull least squares away from the line', () => {
    const m = new HuberRegressor().fit(X, y);
    expect(m.score(X.slice(6), y.slice(6))).toBeGreaterThan(0.99);
    expect(m.outliers!.slice(0, 6)).toEqual([true, true, true, true, true, true]);
  });

  it('steps() yields one state per L-BFGS iteration with a falling objective, the last one the fit', () => {
    const model = new HuberRegressor();
    const states = [...model.steps(X, y)];
    expect(states.length).toBe(model.nIter);
    for (let i = 1; i < states.length; i++) expect(states[i].objective).toBeLessThanOrEqual(states[i - 1].objective);
    expect(states.at(-1)!.coef).toEqual(model.coef);
    expect(states.at(-1)!.scale).toBe(model.scale);
  });

  it('rejects bad options with the option name', () => {
    expect(() => new HuberRegressor({ epsilon: 0.5 }).fit(X, y)).toThrow('HuberRegressor.fit: epsilon must be a number ≥ 1, got 0.5');
    expect(() => new HuberRegressor({ alpha: -1 }).fit(X, y)).toThrow('HuberRegressor.fit: alpha must be a number ≥ 0, got -1');
    expect(() => new HuberRegressor().predict(X)).toThrow('HuberRegressor.predict: this estimator is not fitted yet');
  });
});

describe("SGD losses against scikit-learn's _sgd_fast loss objects", () => {
  it('loss and derivative agree on a grid of (prediction, target) for all six losses', () => {
    for (const ref of fx.sgdLosses) {
      const L = lossFunction(ref.loss as SGDLoss, ref.epsilon ?? undefined);
      expectClose(ref.p.map((p, i) => L.loss(p, ref.y[i])), ref.value, 1e-12, `${ref.loss} loss`);
      expectClose(ref.p.map((p, i) => L.dloss(p, ref.y[i])), ref.derivative, 1e-12, `${ref.loss} dloss`);
    }
  });
});

describe('SGDRegressor with robust losses reaches what it minimises (mean L + ½α‖w‖², solved by scipy / LinearSVR)', () => {
  const { X, y, alpha, optima } = fx.sgdOptima;
  const objective = (loss: SGDLoss, epsilon: number, w: number[]) => {
    const L = lossFunction(loss, epsilon);
    const mean = X.reduce((s, row, i) => s + L.loss(row.reduce((a, v, j) => a + v * w[j], 0), y[i]), 0) / X.length;
    return mean + 0.5 * alpha * w.reduce((s, v) => s + v * v, 0);
  };
  const fullBatch = (loss: SGDLoss, epsilon: number, options: object) => new SGDRegressor({
    loss, epsilon, alpha, fitIntercept: false, batchSize: X.length, shuffle: false, tol: null, ...options,
  }).fit(X, y);

  it("'huber' and 'squared_epsilon_insensitive' (smooth): full-batch descent converges to the reference coefficients", () => {
    for (const ref of optima.filter((o) => o.loss !== 'epsilon_insensitive')) {
      const m = fullBatch(ref.loss as SGDLoss, ref.epsilon, { learningRate: 'constant', eta0: ref.loss === 'huber' ? 0.5 : 0.05, maxIter: 20_000 });
      expectClose(m.coef, ref.coef, 1e-6, `${ref.loss} coef`);
      expectClose(objective(ref.loss as SGDLoss, ref.epsilon, m.coef!), ref.objective, 1e-9, `${ref.loss} objective`);
    }
  });

  it("'epsilon_insensitive' (kinked): decaying full-batch steps get within 1e-4 of LinearSVR's optimal objective", () => {
    const ref = optima.find((o) => o.loss === 'epsilon_insensitive')!;
    const m = fullBatch('epsilon_insensitive', ref.epsilon, { learningRate: 'invscaling', eta0: 0.5, powerT: 0.5, maxIter: 20_000 });
    const reached = objective('epsilon_insensitive', ref.epsilon, m.coef!);
    expect(reached).toBeGreaterThanOrEqual(ref.objective - 1e-9);
    expect(reached - ref.objective).toBeLessThan(1e-4);
    expectClose(m.coef, ref.coef, 2e-2, 'coef');
  });

  it('with default stochastic settings it scores, on average over seeds, within 0.01 R² of scikit-learn', () => {
    const seeds = fx.sgdOptima.seeds;
    for (const loss of ['huber', 'epsilon_insensitive', 'squared_epsilon_insensitive'] as const) {
      let total = 0;
      for (let seed = 0; seed < seeds; seed++) total += new SGDRegressor({ loss, seed }).fit(X, y).score(X, y);
      expect(Math.abs(total / seeds - fx.sgdOptima.sgdRegressorMeanScore[loss]), loss).toBeLessThan(0.01);
    }
  });

  it('rejects a negative epsilon and a classification loss', () => {
    expect(() => new SGDRegressor({ loss: 'huber', epsilon: -1 }).fit(X, y)).toThrow('SGDRegressor.fit: epsilon must be a number ≥ 0, got -1');
    expect(() => new SGDRegressor({ loss: 'hinge' }).fit(X, y)).toThrow("loss must be one of 'squared_error', 'huber', 'epsilon_insensitive', 'squared_epsilon_insensitive', got \"hinge\"");
  });
});

describe('pointwiseLoss: loss curves and gradients a cell can plot', () => {
  const p = fx.pointwise;
  const finiteDifference = (f: (z: number) => number, z: number, h = 1e-6) => (f(z + h) - f(z - h)) / (2 * h);

  it("single-sample values equal scikit-learn's mean_squared_error, mean_absolute_error, log_loss and hinge_loss", () => {
    expectClose(p.residuals.map(pointwiseLoss('squared_error').loss), p.squared_error, 1e-12, 'squared_error');
    expectClose(p.residuals.map(pointwiseLoss('absolute_error').loss), p.absolute_error, 1e-12, 'absolute_error');
    expectClose(p.margins.map(pointwiseLoss('log_loss').loss), p.log_loss, 1e-12, 'log_loss');
    expectClose(p.margins.map(pointwiseLoss('hinge').loss), p.hinge, 1e-12, 'hinge');
  });

  it("'huber' matches the library's huberLoss metric for each delta", () => {
    for (const delta of [0.5, 1, 1.35]) {
      const h = pointwiseLoss('huber', { delta });
      for (const r of p.residuals) expectClose(h.loss(r), huberLoss([0], [r], { delta }), 1e-12, `delta ${delta}, r ${r}`);
    }
  });

  it("every gradient matches central finite differences away from the kinks, and takes scikit-learn's value at them", () => {
    const smooth = [-2.7, -1.3, -0.6, 0.2, 0.45, 1.7, 3.1];
    for (const name of ['squared_error', 'absolute_error', 'huber', 'log_loss', 'hinge'] as const) {
      const L = pointwiseLoss(name, { delta: 1.35 });
      for (const z of smooth) expectClose(L.gradient(z), finiteDifference(L.loss, z), 1e-6, `${name} at ${z}`);
    }
    expect(pointwiseLoss('absolute_error').gradient(0)).toBe(0);
    expect(pointwiseLoss('hinge').gradient(1)).toBe(-1);
    expect(pointwiseLoss('huber', { delta: 2 }).gradient(10)).toBe(2);
  });

  it('log_loss stays finite far out on both sides and says what it takes', () => {
    const L = pointwiseLoss('log_loss');
    expect(L.loss(-800)).toBeCloseTo(800, 9);
    expect(L.loss(800)).toBe(0);
    expect(L.gradient(-800)).toBe(-1);
    expect(L.argument).toBe('margin');
    expect(pointwiseLoss('huber').argument).toBe('residual');
  });

  it('rejects an unknown name and a bad delta', () => {
    expect(() => pointwiseLoss('mse' as 'huber')).toThrow("pointwiseLoss: name must be one of 'squared_error', 'absolute_error', 'huber', 'log_loss', 'hinge', got \"mse\"");
    expect(() => pointwiseLoss('huber', { delta: 0 })).toThrow('pointwiseLoss: delta must be a number > 0, got 0');
  });
});
