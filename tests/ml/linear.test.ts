import { describe, expect, it } from 'vitest';
import { Matrix, SingularValueDecomposition, pseudoInverse } from 'ml-matrix';
import { ElasticNet, Lasso, LinearRegression, Ridge, enetPath, lassoPath } from '../../src/ml/index.ts';
import fx from './fixtures/linear.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const centered = () => {
  const d = fx.X[0].length;
  const mean = Array.from({ length: d }, (_, j) => fx.X.reduce((s, r) => s + r[j], 0) / fx.X.length);
  const yMean = fx.y.reduce((a, b) => a + b, 0) / fx.y.length;
  return { X: fx.X.map((r) => r.map((v, j) => v - mean[j])), y: fx.y.map((v) => v - yMean) };
};

describe('LinearRegression', () => {
  it('LinearRegression.fit matches scikit-learn coef and intercept at 1e-9', () => {
    const lr = new LinearRegression().fit(fx.X, fx.y);
    expectClose(lr.coef, fx.ols.coef, 1e-9, 'coef');
    expectClose(lr.intercept, fx.ols.intercept, 1e-9, 'intercept');
    expect(lr.rank).toBe(5);
  });

  it('LinearRegression with fitIntercept false matches scikit-learn and has intercept 0', () => {
    const lr = new LinearRegression({ fitIntercept: false }).fit(fx.X, fx.y);
    expectClose(lr.coef, fx.olsNoIntercept.coef, 1e-9, 'coef');
    expect(lr.intercept).toBe(0);
  });

  it('LinearRegression.fit on rank-deficient X gives the minimum-norm solution, as lstsq', () => {
    const lr = new LinearRegression().fit(fx.olsRankDeficient.X, fx.y);
    expectClose(lr.coef, fx.olsRankDeficient.coef, 1e-9, 'coef');
    expectClose(lr.intercept, fx.olsRankDeficient.intercept, 1e-9, 'intercept');
    expect(lr.rank).toBe(3);
  });

  it('LinearRegression with a constant column (PolynomialFeatures\' bias) gives it coefficient 0, as lstsq\'s minimum norm does', () => {
    const withBias = fx.X.map((row) => [1, ...row]);
    const lr = new LinearRegression().fit(withBias, fx.y);
    expect(lr.coef![0]).toBe(0);
    expectClose(lr.coef!.slice(1), fx.ols.coef, 1e-9, 'coef');
    expectClose(lr.intercept, fx.ols.intercept, 1e-9, 'intercept');
    expect(lr.rank).toBe(5);
    // The singular values are still those of the whole centred X: the constant column adds a 0.
    const direct = new SingularValueDecomposition(new Matrix(centered().X.map((row) => [0, ...row]))).diagonal;
    expectClose(lr.singular, direct, 1e-10, 'singular');
  });

  it('LinearRegression.singular are the singular values of the centred X; a wide X gets the pseudo-inverse solution', () => {
    // A tall X is reduced by QR before its SVD: the singular values must still be X's own.
    const lr = new LinearRegression().fit(fx.X, fx.y);
    const direct = new SingularValueDecomposition(new Matrix(centered().X)).diagonal;
    expectClose(lr.singular, direct, 1e-10, 'singular');
    // Fewer rows than features: the minimum-norm solution w = X⁺y (no intercept, so no centring).
    const wide = fx.X.slice(0, 3);
    const lrWide = new LinearRegression({ fitIntercept: false }).fit(wide, fx.y.slice(0, 3));
    const pinv = pseudoInverse(new Matrix(wide)).mmul(Matrix.columnVector(fx.y.slice(0, 3))).getColumn(0);
    expectClose(lrWide.coef, pinv, 1e-9, 'coef');
    expect(lrWide.rank).toBe(3);
  });

  it('LinearRegression residuals are orthogonal to every column (normal equations)', () => {
    const lr = new LinearRegression().fit(fx.X, fx.y);
    const residual = lr.predict(fx.X).map((p, i) => fx.y[i] - p);
    for (let j = 0; j < 5; j++) expect(Math.abs(residual.reduce((s, r, i) => s + r * fx.X[i][j], 0))).toBeLessThan(1e-8);
    expect(lr.score(fx.X, fx.y)).toBeGreaterThan(0.9);
  });

  it('LinearRegression.predict before fit and with the wrong width throws', () => {
    expect(() => new LinearRegression().predict(fx.X)).toThrow('LinearRegression.predict: this estimator is not fitted yet');
    const lr = new LinearRegression().fit(fx.X, fx.y);
    expect(() => lr.predict([[1, 2]])).toThrow('X has 2 features but the model was fitted on 5');
  });
});

describe('Ridge', () => {
  it('Ridge.fit matches scikit-learn coef and intercept at 1e-9', () => {
    const r = new Ridge({ alpha: fx.ridge.alpha }).fit(fx.X, fx.y);
    expectClose(r.coef, fx.ridge.coef, 1e-9, 'coef');
    expectClose(r.intercept, fx.ridge.intercept, 1e-9, 'intercept');
    const r0 = new Ridge({ alpha: fx.ridgeNoIntercept.alpha, fitIntercept: false }).fit(fx.X, fx.y);
    expectClose(r0.coef, fx.ridgeNoIntercept.coef, 1e-9, 'coef');
  });

  it('Ridge with alpha 0 equals LinearRegression', () => {
    expectClose(new Ridge({ alpha: 0 }).fit(fx.X, fx.y).coef, new LinearRegression().fit(fx.X, fx.y).coef!, 1e-9);
  });

  it('Ridge.fit rejects a negative alpha', () => {
    expect(() => new Ridge({ alpha: -1 }).fit(fx.X, fx.y)).toThrow('Ridge.fit: alpha must be ≥ 0, got -1');
  });
});

describe('Lasso and ElasticNet', () => {
  for (const key of ['lasso', 'enet', 'lassoTight'] as const) {
    const ref = fx[key];
    it(`${key === 'enet' ? 'ElasticNet' : 'Lasso'}.fit (α=${ref.alpha}, tol=${ref.tol}) matches scikit-learn coef, intercept and nIter`, () => {
      const opts = { alpha: ref.alpha, tol: ref.tol, maxIter: ref.maxIter };
      const m = key === 'enet' ? new ElasticNet({ ...opts, l1Ratio: ref.l1Ratio }) : new Lasso(opts);
      m.fit(fx.X, fx.y);
      expectClose(m.coef, ref.coef, 1e-9, 'coef');
      expectClose(m.intercept, ref.intercept, 1e-9, 'intercept');
      expect(m.nIter).toBe(ref.nIter);
    });
  }

  it('Lasso sets weak coefficients to exactly zero', () => {
    const m = new Lasso({ alpha: 2 }).fit(fx.X, fx.y);
    expect(m.coef!.filter((c) => c === 0).length).toBe(fx.lasso.coef.filter((c) => c === 0).length);
    expect(m.coef!.some((c) => c === 0)).toBe(true);
  });

  it('ElasticNet.steps yields one state per sweep and the last one is the fit', () => {
    const states = [...new ElasticNet({ alpha: 1, l1Ratio: 0.3 }).steps(fx.X, fx.y)];
    expect(states.length).toBe(fx.enet.nIter);
    expect(states.at(-1)!.converged).toBe(true);
    expectClose(states.at(-1)!.coef, fx.enet.coef, 1e-9);
    expect(states.slice(0, -1).every((s) => !s.converged)).toBe(true);
  });

  it('ElasticNet.fit rejects l1Ratio outside [0, 1]', () => {
    expect(() => new ElasticNet({ l1Ratio: 1.5 }).fit(fx.X, fx.y)).toThrow('ElasticNet.fit: l1Ratio must be a number in [0, 1], got 1.5');
  });
});

describe('lassoPath and enetPath', () => {
  it('lassoPath matches scikit-learn alphas and coefficients', () => {
    const { X, y } = centered();
    const path = lassoPath(X, y, { nAlphas: 20, tol: 1e-10 });
    expectClose(path.alphas, fx.lassoPath.alphas, 1e-12, 'alphas');
    expectClose(path.coefs, fx.lassoPath.coefs, 1e-6, 'coefs');
    // At αmax every coefficient is zero.
    expect(path.coefs.every((row) => row[0] === 0)).toBe(true);
  });

  it('enetPath matches scikit-learn alphas and coefficients', () => {
    const { X, y } = centered();
    const path = enetPath(X, y, { l1Ratio: fx.enetPath.l1Ratio, eps: fx.enetPath.eps, nAlphas: 15, tol: 1e-10 });
    expectClose(path.alphas, fx.enetPath.alphas, 1e-12, 'alphas');
    expectClose(path.coefs, fx.enetPath.coefs, 1e-6, 'coefs');
  });
});
