import { describe, expect, it } from 'vitest';
import { LinearRegression, LogisticRegression, SGDClassifier, SGDRegressor } from '../../src/ml/index.ts';
import fx from './fixtures/logistic.json' with { type: 'json' };
import lin from './fixtures/linear.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const reg = fx.sgd.regression;

describe('SGDRegressor', () => {
  it('SGDRegressor with defaults scores, on average over seeds, within 0.01 R² of scikit-learn', () => {
    let total = 0;
    for (let seed = 0; seed < fx.sgd.seeds; seed++) total += new SGDRegressor({ seed }).fit(reg.X, reg.y).score(reg.X, reg.y);
    expect(Math.abs(total / fx.sgd.seeds - fx.sgd.regressorMeanScore)).toBeLessThan(0.01);
  });

  it('SGDRegressor full-batch gradient descent converges to the least-squares solution', () => {
    const n = lin.X.length;
    const m = new SGDRegressor({ batchSize: n, learningRate: 'constant', eta0: 0.5, penalty: 'none', maxIter: 5000, tol: null, shuffle: false }).fit(lin.X, lin.y);
    const ols = new LinearRegression().fit(lin.X, lin.y);
    expectClose(m.coef, ols.coef!, 1e-6, 'coef');
    expectClose(m.intercept, ols.intercept!, 1e-6, 'intercept');
  });

  it('SGDRegressor.steps first full-batch update equals w = −η·mean((0 − y)·x)', () => {
    const n = lin.X.length, eta = 0.1;
    const first = new SGDRegressor({ batchSize: n, learningRate: 'constant', eta0: eta, penalty: 'none', shuffle: false }).steps(lin.X, lin.y, 'update').next().value!;
    const expected = lin.X[0].map((_, j) => (eta * lin.X.reduce((s, row, i) => s + lin.y[i] * row[j], 0)) / n);
    expectClose(first.coef[0], expected, 1e-12, 'coef');
    expectClose(first.intercept[0], (eta * lin.y.reduce((a, b) => a + b, 0)) / n, 1e-12, 'intercept');
    // The loss reported is the mean ½(0 − y)² at w = 0, before the update.
    expectClose(first.loss, lin.y.reduce((s, v) => s + 0.5 * v * v, 0) / n, 1e-12, 'loss');
  });

  it("SGDRegressor.steps with every 'update' yields ⌈n / batchSize⌉ updates per epoch", () => {
    const states = [...new SGDRegressor({ batchSize: 16, maxIter: 3, tol: null }).steps(lin.X, lin.y, 'update')];
    expect(states.length).toBe(3 * Math.ceil(lin.X.length / 16));
    expect(states.at(-1)!.update).toBe(states.length);
    expect(states.filter((s) => s.epoch === 2).length).toBe(5);
  });

  it('SGDRegressor is deterministic for a seed and differs across seeds', () => {
    const a = new SGDRegressor({ seed: 1, maxIter: 5, tol: null }).fit(reg.X, reg.y).coef;
    const b = new SGDRegressor({ seed: 1, maxIter: 5, tol: null }).fit(reg.X, reg.y).coef;
    const c = new SGDRegressor({ seed: 2, maxIter: 5, tol: null }).fit(reg.X, reg.y).coef;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('SGDRegressor with an l1 penalty sets uninformative coefficients to exactly zero', () => {
    const m = new SGDRegressor({ penalty: 'l1', alpha: 2, batchSize: 80, learningRate: 'constant', eta0: 0.05, maxIter: 2000, tol: null }).fit(lin.X, lin.y);
    expect(m.coef!.filter((c) => c === 0).length).toBeGreaterThan(0);
  });

  it('SGDRegressor.fit rejects bad options with the option name', () => {
    expect(() => new SGDRegressor({ batchSize: 0 }).fit(reg.X, reg.y)).toThrow('SGDRegressor.fit: batchSize must be an integer ≥ 1, got 0');
    expect(() => new SGDRegressor({ loss: 'hinge' }).fit(reg.X, reg.y)).toThrow("loss must be one of 'squared_error', 'huber'");
    expect(() => new SGDRegressor({ learningRate: 'constant', eta0: 0 }).fit(reg.X, reg.y)).toThrow("eta0 must be > 0 for learningRate 'constant'");
  });
});

describe('SGDClassifier', () => {
  const bin = fx.binary;

  it('SGDClassifier with log_loss scores, on average over seeds, no worse than scikit-learn minus 0.03', () => {
    let total = 0;
    for (let seed = 0; seed < fx.sgd.seeds; seed++) total += new SGDClassifier({ loss: 'log_loss', seed }).fit(bin.X, bin.y).score(bin.X, bin.y);
    expect(total / fx.sgd.seeds).toBeGreaterThan(fx.sgd.classifierMeanScore - 0.03);
  });

  it('SGDClassifier with log_loss and a decaying rate approaches the LogisticRegression optimum', () => {
    const n = bin.X.length, C = 1;
    // LogisticRegression minimises Σ loss + ½‖w‖²/C, i.e. mean loss + ½(1/(nC))‖w‖²: alpha = 1/(nC)
    const ref = new LogisticRegression({ C, tol: 1e-10 }).fit(bin.X, bin.y);
    const m = new SGDClassifier({ loss: 'log_loss', alpha: 1 / (n * C), batchSize: n, learningRate: 'constant', eta0: 1, maxIter: 20000, tol: null }).fit(bin.X, bin.y);
    expectClose(m.coef, ref.coef!, 1e-4, 'coef');
    expectClose(m.intercept, ref.intercept!, 1e-4, 'intercept');
    expectClose(m.predictProba(bin.Xtest), ref.predictProba(bin.Xtest), 1e-4, 'proba');
  });

  it('SGDClassifier with hinge loss separates three classes one-vs-rest', () => {
    const m = new SGDClassifier({ seed: 3 }).fit(fx.multi.X, fx.multi.y);
    expect(m.coef!.length).toBe(3);
    expect(m.score(fx.multi.X, fx.multi.y)).toBeGreaterThan(0.7);
    expect(m.nIter).toBeLessThan(1000);
  });

  it('SGDClassifier.predictProba needs log_loss', () => {
    const m = new SGDClassifier().fit(bin.X, bin.y);
    expect(() => m.predictProba(bin.Xtest)).toThrow("SGDClassifier.predictProba: probabilities need loss 'log_loss', this model uses 'hinge'");
  });
});
