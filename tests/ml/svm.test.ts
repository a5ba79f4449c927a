import { describe, expect, it } from 'vitest';
import { LinearSVC, SVC } from '../../src/ml/index.ts';
import type { SVCOptions } from '../../src/ml/index.ts';
import fx from './fixtures/svm.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const bin = fx.binary;
const label = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(', ');

describe('SVC on two classes against scikit-learn', () => {
  for (const c of bin.cases) {
    const options = c.options as Partial<SVCOptions>;
    it(`SVC.fit matches scikit-learn support set, dualCoef and intercept (${label(c.options)})`, () => {
      const svc = new SVC(options).fit(bin.X, bin.y);
      expect(svc.support).toEqual(c.support);
      expect(svc.nSupport).toEqual(c.nSupport);
      expectClose(svc.dualCoef, c.dualCoef, 1e-6, 'dualCoef');
      expectClose(svc.intercept, c.intercept, 1e-6, 'intercept');
    });

    it(`SVC.decisionFunction and predict match scikit-learn at 1e-6 (same SMO path as libsvm) (${label(c.options)})`, () => {
      const svc = new SVC(options).fit(bin.X, bin.y);
      expectClose(svc.decisionFunction(bin.Xtest), c.decision, 1e-6, 'decision');
      expect(svc.predict(bin.Xtest)).toEqual(c.predict);
    });

    it(`SVC.decisionFunction is within 1e-3 of scikit-learn with shrinking on, its default (${label(c.options)})`, () => {
      const svc = new SVC(options).fit(bin.X, bin.y);
      expectClose(svc.decisionFunction(bin.Xtest), c.decisionShrinking, 1e-3, 'decision');
    });
  }

  it('SVC dual coefficients satisfy Σ y_i α_i = 0 and |y_i α_i| ≤ C', () => {
    const svc = new SVC({ kernel: 'rbf', C: 0.5 }).fit(bin.X, bin.y);
    const coef = svc.dualCoef![0];
    expect(Math.abs(coef.reduce((a, b) => a + b, 0))).toBeLessThan(1e-10);
    expect(coef.every((v) => Math.abs(v) <= 0.5 + 1e-12 && v !== 0)).toBe(true);
    expect(svc.supportVectors!.length).toBe(svc.support!.length);
    expect(svc.supportVectors![0]).toEqual(bin.X[svc.support![0]]);
  });

  it('SVC with a linear kernel puts free support vectors on the margin |f(x)| = 1', () => {
    const svc = new SVC({ kernel: 'linear', C: 1, tol: 1e-6 }).fit(bin.X, bin.y);
    const free = svc.support!.filter((_, s) => Math.abs(svc.dualCoef![0][s]) < 1 - 1e-6);
    expect(free.length).toBeGreaterThan(0);
    const values = (svc.decisionFunction(free.map((i) => bin.X[i])) as number[]).map(Math.abs);
    expectClose(values, values.map(() => 1), 1e-4, 'margin');
  });
});

describe('SVC on three classes (one-vs-one) against scikit-learn', () => {
  for (const c of fx.multi.cases) {
    it(`SVC.fit matches scikit-learn support, dualCoef layout and intercepts (${label(c.options)})`, () => {
      const svc = new SVC(c.options as Partial<SVCOptions>).fit(fx.multi.X, fx.multi.y);
      expect(svc.support).toEqual(c.support);
      expect(svc.nSupport).toEqual(c.nSupport);
      expectClose(svc.dualCoef, c.dualCoef, 1e-6, 'dualCoef');
      expectClose(svc.intercept, c.intercept, 1e-6, 'intercept');
    });

    it(`SVC.decisionFunction 'ovo' and 'ovr' and predict match scikit-learn (${label(c.options)})`, () => {
      const ovo = new SVC({ ...(c.options as Partial<SVCOptions>), decisionFunctionShape: 'ovo' }).fit(fx.multi.X, fx.multi.y);
      expectClose(ovo.decisionFunction(c.Xtest), c.decisionOvo, 1e-6, 'ovo');
      const ovr = new SVC(c.options as Partial<SVCOptions>).fit(fx.multi.X, fx.multi.y);
      expectClose(ovr.decisionFunction(c.Xtest), c.decisionOvr, 1e-6, 'ovr');
      expect(ovr.predict(c.Xtest)).toEqual(c.predict);
    });
  }
});

describe('SVC.steps', () => {
  it('SVC.steps yields batches of SMO iterations whose violation ends below tol', () => {
    const svc = new SVC({ kernel: 'linear' });
    const states = [...svc.steps(bin.X, bin.y, 5)];
    expect(states.length).toBeGreaterThan(2);
    expect(states.slice(0, -1).every((s) => s.iteration % 5 === 0 && !s.converged)).toBe(true);
    const last = states.at(-1)!;
    expect(last.converged).toBe(true);
    expect(last.violation).toBeLessThan(1e-3);
    expect(svc.nIter).toEqual([last.iteration]);
  });

  it('SVC.steps leaves the model usable after each yield, so the margin can be drawn as it forms', () => {
    const svc = new SVC({ kernel: 'rbf' });
    const gen = svc.steps(bin.X, bin.y, 3);
    gen.next();
    const early = svc.score(bin.X, bin.y);
    for (const _ of gen) { /* run to the end */ }
    expect(svc.score(bin.X, bin.y)).toBeGreaterThanOrEqual(early - 0.2);
    expect(svc.decisionFunction(bin.Xtest).length).toBe(bin.Xtest.length);
  });
});

describe('SVC input checks', () => {
  it('SVC.fit rejects a bad kernel, gamma and C with messages that name the option', () => {
    expect(() => new SVC({ kernel: 'cubic' as 'rbf' }).fit(bin.X, bin.y)).toThrow("SVC.fit: kernel must be one of 'linear', 'poly', 'rbf', 'sigmoid'");
    expect(() => new SVC({ gamma: -1 }).fit(bin.X, bin.y)).toThrow("gamma must be 'scale', 'auto' or a positive number, got -1");
    expect(() => new SVC({ C: 0 }).fit(bin.X, bin.y)).toThrow('SVC.fit: C must be a positive number, got 0');
    expect(() => new SVC().predict(bin.X)).toThrow('SVC.predict: this estimator is not fitted yet');
  });

  it("SVC with gamma 'scale' uses 1 / (d · Var(X))", () => {
    const svc = new SVC().fit(bin.X, bin.y);
    const all = bin.X.flat();
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const variance = all.reduce((a, v) => a + (v - mean) ** 2, 0) / all.length;
    expectClose(svc.gammaValue, 1 / (2 * variance), 1e-12);
  });
});

describe('LinearSVC against scikit-learn', () => {
  for (const c of fx.linear) {
    const data = c.data === 'binary' ? fx.binary : fx.multi;
    const o = c.options as { C: number; loss?: 'hinge'; intercept_scaling?: number };
    const options = { C: o.C, loss: o.loss ?? ('squared_hinge' as const), interceptScaling: o.intercept_scaling ?? 1, tol: 1e-10, maxIter: 100_000 };
    it(`LinearSVC.fit matches scikit-learn coef, intercept and decisionFunction at 1e-6 (${c.data}, ${label(c.options)})`, () => {
      const svc = new LinearSVC(options).fit(data.X, data.y);
      expectClose(svc.coef, c.coef, 1e-6, 'coef');
      expectClose(svc.intercept, c.intercept, 1e-6, 'intercept');
      expectClose(svc.decisionFunction(fx.binary.Xtest), c.decision, 1e-6, 'decision');
      expect(svc.predict(fx.binary.Xtest)).toEqual(c.predict);
    });
  }

  it('LinearSVC.steps yields passes whose violation ends below tol, and a different seed reaches the same optimum', () => {
    const states = [...new LinearSVC({ tol: 1e-8, maxIter: 10_000 }).steps(bin.X, bin.y)];
    expect(states.at(-1)!.converged).toBe(true);
    expect(states.at(-1)!.violation).toBeLessThanOrEqual(1e-8);
    const other = new LinearSVC({ tol: 1e-8, maxIter: 10_000, seed: 7 }).fit(bin.X, bin.y);
    expectClose(other.coef![0], states.at(-1)!.coef, 1e-5);
  });

  it('LinearSVC.fit rejects a bad loss and C', () => {
    expect(() => new LinearSVC({ loss: 'log' as 'hinge' }).fit(bin.X, bin.y)).toThrow("LinearSVC.fit: loss must be one of 'squared_hinge', 'hinge'");
    expect(() => new LinearSVC({ C: -2 }).fit(bin.X, bin.y)).toThrow('LinearSVC.fit: C must be a positive number, got -2');
  });
});
