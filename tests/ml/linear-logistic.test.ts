import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../../src/ml/index.ts';
import type { LogisticPenalty } from '../../src/ml/index.ts';
import fx from './fixtures/logistic.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const dataOf = (name: string) => (name === 'binary' ? fx.binary : fx.multi);

describe('LogisticRegression against scikit-learn', () => {
  for (const c of fx.cases) {
    const label = `${c.data}, penalty ${c.penalty}, C=${c.C}${c.fitIntercept ? '' : ', no intercept'}`;
    it(`LogisticRegression.fit matches scikit-learn coef, intercept and predictProba (${label})`, () => {
      const d = dataOf(c.data);
      const lr = new LogisticRegression({ penalty: c.penalty as LogisticPenalty, C: c.C, fitIntercept: c.fitIntercept, tol: 1e-10, maxIter: 100_000 });
      lr.fit(d.X, d.y);
      expectClose(lr.coef, c.coef, 1e-6, 'coef');
      expectClose(lr.intercept, c.intercept, 1e-6, 'intercept');
      expectClose(lr.predictProba(d.Xtest), c.proba, 1e-6, 'proba');
      expect(lr.predict(d.Xtest)).toEqual(c.predict);
      // scikit-learn's shape: one value per row for two classes, one column per class otherwise.
      expectClose(lr.decisionFunction(d.Xtest), c.decision, 1e-6, 'decision');
    });
  }

  it('LogisticRegression with default tol stays within 1e-4 of the optimum', () => {
    const c = fx.cases[0];
    const lr = new LogisticRegression({ C: c.C }).fit(fx.binary.X, fx.binary.y);
    expectClose(lr.coef, c.coef, 1e-4, 'coef');
    expect(lr.nIter).toBeGreaterThan(1);
    expect(lr.nIter).toBeLessThan(50);
  });

  it('LogisticRegression with an l1 penalty zeroes some coefficients exactly, as scikit-learn', () => {
    const c = fx.cases.find((k) => k.penalty === 'l1' && k.data === 'multi')!;
    const lr = new LogisticRegression({ penalty: 'l1', C: c.C, tol: 1e-10, maxIter: 100_000 }).fit(fx.multi.X, fx.multi.y);
    const zerosRef = c.coef.flat().filter((v) => Math.abs(v) < 1e-8).length;
    expect(zerosRef).toBeGreaterThan(0);
    expect(lr.coef!.flat().filter((v) => v === 0).length).toBe(zerosRef);
  });
});

describe('LogisticRegression.steps', () => {
  it('LogisticRegression.steps yields a non-increasing objective and ends at the fitted weights', () => {
    const lr = new LogisticRegression({ C: 1 });
    const states = [...lr.steps(fx.binary.X, fx.binary.y)];
    for (let t = 1; t < states.length; t++) expect(states[t].objective).toBeLessThanOrEqual(states[t - 1].objective + 1e-12);
    expect(states.at(-1)!.converged).toBe(true);
    expect(states.at(-1)!.coef).toEqual(lr.coef);
    expect(states.length).toBe(lr.nIter);
    // The mean log-loss of the first step is below log 2, the loss at w = 0.
    expect(states[0].loss).toBeLessThan(Math.log(2));
  });

  it('LogisticRegression.steps for l1 yields states whose objective decreases overall', () => {
    const states = [...new LogisticRegression({ penalty: 'l1', C: 0.2, tol: 1e-8, maxIter: 5000 }).steps(fx.binary.X, fx.binary.y)];
    expect(states.at(-1)!.objective).toBeLessThan(states[0].objective);
    expect(states.at(-1)!.converged).toBe(true);
  });
});

describe('LogisticRegression input checks', () => {
  it('LogisticRegression.fit rejects one class, bad C and bad penalty with messages that say what to do', () => {
    expect(() => new LogisticRegression().fit([[0], [1]], [1, 1])).toThrow('LogisticRegression.fit: y has 1 distinct class; need at least 2');
    expect(() => new LogisticRegression({ C: 0 }).fit(fx.binary.X, fx.binary.y)).toThrow('C must be a positive number, got 0');
    expect(() => new LogisticRegression({ penalty: 'l3' as LogisticPenalty }).fit(fx.binary.X, fx.binary.y)).toThrow("penalty must be one of 'l2', 'l1', 'none'");
    expect(() => new LogisticRegression().predictProba(fx.binary.X)).toThrow('not fitted yet');
    // Classifiers take numeric class labels; class names get a pointer to LabelEncoder.
    expect(() => new LogisticRegression().fit([[0], [1]], ['cat', 'dog'] as unknown as number[]))
      .toThrow('LogisticRegression.fit: y[0] is "cat", expected a finite number; class names can be encoded as numbers with new LabelEncoder().fitTransform(y)');
  });

  it('LogisticRegression.fit reports a NaN or a ragged row where it is, and accepts an ml-matrix Matrix', () => {
    const X = fx.binary.X.map((r) => r.slice());
    X[7][2] = NaN;
    expect(() => new LogisticRegression().fit(X, fx.binary.y)).toThrow('LogisticRegression.fit: X[7][2] is NaN; impute missing values first');
    X[7] = [1, 2];
    expect(() => new LogisticRegression().fit(X, fx.binary.y)).toThrow('X row 7 has 2 values, expected 4');
    const fromMatrix = new LogisticRegression().fit(new Matrix(fx.binary.X), fx.binary.y);
    expect(fromMatrix.coef).toEqual(new LogisticRegression().fit(fx.binary.X, fx.binary.y).coef);
  });

  it('LogisticRegression.predictProba rows sum to 1 for three classes', () => {
    const lr = new LogisticRegression().fit(fx.multi.X, fx.multi.y);
    for (const row of lr.predictProba(fx.multi.Xtest)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(lr.coef!.length).toBe(3);
    expect(lr.score(fx.multi.X, fx.multi.y)).toBeGreaterThan(0.7);
  });
});
