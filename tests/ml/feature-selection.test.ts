import { describe, expect, it } from 'vitest';
import { GridSearchCV, LogisticRegression, Pipeline, SelectKBest, StandardScaler, fClassif } from '../../src/ml/index.ts';
import { expectClose } from './fixtures/expect-close.ts';
import fx from './fixtures/feature-selection.json';

// scikit-learn's f_classif and SelectKBest (tests/ml/fixtures/make_feature_selection.py). The fixture
// writes NaN as null and ∞ as 'inf'.
const decode = (v: number | string | null) => (v === null ? NaN : v === 'inf' ? Infinity : v);

describe('fClassif against scikit-learn', () => {
  for (const c of fx) {
    it(`F and p-values: ${c.name}`, () => {
      const { scores, pvalues } = fClassif(c.X, c.y);
      c.F.map(decode).forEach((f, j) => {
        if (!Number.isFinite(f)) expect(scores[j], `F[${j}]`).toBe(f);
        else expectClose(scores[j], f, 1e-10, `F[${j}]`);
      });
      c.p.map(decode).forEach((p, j) => {
        if (Number.isNaN(p)) expect(pvalues[j], `p[${j}]`).toBeNaN();
        else expectClose(pvalues[j], p, 1e-10, `p[${j}]`);
      });
    });
  }

  it('explains a single class, too few rows and a missing y', () => {
    expect(() => fClassif([[1], [2]], [0, 0])).toThrow('fClassif: y has 1 class');
    expect(() => fClassif([[1], [2]], [0, 1])).toThrow('fClassif: 2 rows for 2 classes');
    expect(() => new SelectKBest({ k: 1 }).fit([[1], [2], [3]])).toThrow('SelectKBest.fit: y is required');
  });
});

describe('SelectKBest against scikit-learn', () => {
  for (const c of fx) {
    it(`kept columns for every k: ${c.name}`, () => {
      for (const [k, kept] of Object.entries(c.support)) {
        const selector = new SelectKBest({ k: Number(k) }).fit(c.X, c.y);
        expect(selector.support!.flatMap((keep, j) => (keep ? [j] : [])), `k = ${k}`).toEqual(kept);
        expect(selector.transform(c.X).map((row) => row.length)).toEqual(c.X.map(() => kept.length));
        expect(selector.transform(c.X)[0]).toEqual((kept as number[]).map((j) => c.X[0][j]));
      }
    });
  }

  it("k 'all' keeps every column; p-values come from the score function", () => {
    const { X, y } = fx[0];
    const selector = new SelectKBest({ k: 'all' }).fit(X, y);
    expect(selector.support!.every(Boolean)).toBe(true);
    expectClose(selector.pvalues!.filter(Number.isFinite), fClassif(X, y).pvalues.filter(Number.isFinite), 1e-15);
  });

  it('a custom score function ranks the columns', () => {
    const { X, y } = fx[0];
    // Score = column index: the last two columns win.
    const selector = new SelectKBest({ k: 2, scoreFunc: (rows) => ({ scores: rows[0].map((_, j) => j), pvalues: [] }) }).fit(X, y);
    expect(selector.support!.flatMap((keep, j) => (keep ? [j] : []))).toEqual([X[0].length - 2, X[0].length - 1]);
  });

  it('explains a bad k, transform before fit and a width mismatch', () => {
    const { X, y } = fx[0];
    expect(() => new SelectKBest({ k: 8 }).fit(X, y)).toThrow("SelectKBest.fit: k must be 'all' or an integer from 0 to the number of features (7), got 8");
    expect(() => new SelectKBest({ k: 1.5 }).fit(X, y)).toThrow('got 1.5');
    expect(() => new SelectKBest().transform(X)).toThrow('SelectKBest.transform: this estimator is not fitted yet');
    expect(() => new SelectKBest({ k: 1 }).fit(X, y).transform([[1, 2]])).toThrow('SelectKBest.transform: X has 2 features but the model was fitted on 7');
  });

  it('in a Pipeline it is refitted per fold, and GridSearchCV reaches select__k', () => {
    const { X, y } = fx[0];
    const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['select', new SelectKBest({ k: 1 })], ['model', new LogisticRegression()]] });
    const search = new GridSearchCV({ estimator: pipe, paramGrid: { select__k: [1, 2, 3] }, cv: 3 }).fit(X, y);
    expect(search.cvResults!.params.map((p) => p.select__k)).toEqual([1, 2, 3]);
    const best = search.bestEstimator as Pipeline;
    expect((best.namedSteps.select as SelectKBest).params.k).toBe(search.bestParams!.select__k);
  });
});
