import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import * as ml from '../../src/ml/index.ts';
import { LogisticRegression, Pipeline, Ridge, StandardScaler, getScorer, permutationImportance, rng, type ScorerName } from '../../src/ml/index.ts';
import { importancesForPermutations } from '../../src/ml/inspection/permutation-importance.ts';
import { expectClose } from './fixtures/expect-close.ts';
import fx from './fixtures/inspection.json';

const reg = fx.regression;
const clf = fx.classification;
const ridge = () => new Ridge({ alpha: 1 }).fit(reg.Xtrain, reg.ytrain);
// Fitted as tightly as scikit-learn's (tol 1e-12 there): coefficients then agree to ~1e-6.
const logistic = () => new LogisticRegression({ C: 1, tol: 1e-10, maxIter: 100_000 }).fit(clf.Xtrain, clf.ytrain);
const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

describe('importancesForPermutations against scikit-learn (same permutations)', () => {
  it('the refitted models match the ones scikit-learn scored', () => {
    expectClose(ridge().coef, reg.ridgeCoef, 1e-9, 'ridge coef');
    expectClose([logistic().coef![0]], clf.logisticCoef, 1e-6, 'logistic coef');
  });

  for (const c of fx.cases) {
    // Ridge matches scikit-learn to ~1e-9, LogisticRegression to ~1e-6 (see linear tests).
    const tol = c.model === 'ridge' ? 1e-9 : 1e-6;
    it(`importancesForPermutations matches scikit-learn's permutation_importance: ${c.name}`, () => {
      const model = c.model === 'ridge' ? ridge() : logistic();
      const data = c.model === 'ridge' ? reg : clf;
      const scorer = getScorer((c.scoring ?? undefined) as ScorerName | undefined, 'test');
      expectClose(scorer(model, data.Xtest, data.ytest), c.baseline, tol, 'baseline');
      const result = importancesForPermutations(model, data.Xtest, data.ytest, scorer, c.permutations, c.sampleRows ?? undefined);
      expectClose(result.importances, c.importances, tol, 'importances');
      expectClose(result.importancesMean, c.importancesMean, tol, 'importancesMean');
      expectClose(result.importancesStd, c.importancesStd, tol, 'importancesStd');
    });
  }

  it('importancesForPermutations rejects a permutation that is not one', () => {
    const scorer = getScorer(undefined, 'test');
    const n = reg.Xtest.length;
    const identity = Array.from({ length: n }, (_, i) => i);
    expect(() => importancesForPermutations(ridge(), reg.Xtest, reg.ytest, scorer, [])).toThrow(/permutations is empty/);
    expect(() => importancesForPermutations(ridge(), reg.Xtest, reg.ytest, scorer, [identity.slice(1)])).toThrow(/permutations\[0\] must be a permutation of the 50 scored rows/);
    expect(() => importancesForPermutations(ridge(), reg.Xtest, reg.ytest, scorer, [identity, identity.map(() => 0)])).toThrow(/permutations\[1\]\[1\] = 0 repeats/);
    expect(() => importancesForPermutations(ridge(), reg.Xtest, reg.ytest, scorer, [[0, 1]], [0, 50])).toThrow(/sampleRows\[1\] = 50 is not a row index/);
  });

  it('the identity permutation leaves every importance at exactly 0', () => {
    const identity = Array.from({ length: reg.Xtest.length }, (_, i) => i);
    const result = importancesForPermutations(ridge(), reg.Xtest, reg.ytest, getScorer('r2', 'test'), [identity, identity]);
    expect(result.importances).toEqual(reg.Xtest[0].map(() => [0, 0]));
  });
});

describe('permutationImportance', () => {
  it('permutationImportance is exported from the library root, importancesForPermutations is not', () => {
    expect(typeof ml.permutationImportance).toBe('function');
    expect('importancesForPermutations' in ml).toBe(false);
  });

  it('permutationImportance is importancesForPermutations with permutations drawn from rng(seed)', () => {
    const model = ridge();
    const random = rng(7);
    const permutations = Array.from({ length: 5 }, () => random.permutation(reg.Xtest.length));
    const expected = importancesForPermutations(model, reg.Xtest, reg.ytest, getScorer(undefined, 'test'), permutations);
    expect(permutationImportance(model, reg.Xtest, reg.ytest, { seed: 7 })).toEqual(expected);
    // maxSamples draws the rows first, then the permutations of those rows.
    const sampled = rng(7);
    const rows = sampled.sample(reg.Xtest.length, 20);
    const sampledPermutations = Array.from({ length: 3 }, () => sampled.permutation(20));
    const expectedSampled = importancesForPermutations(model, reg.Xtest, reg.ytest, getScorer('neg_mean_absolute_error', 'test'), sampledPermutations, rows);
    expect(permutationImportance(model, reg.Xtest, reg.ytest, { seed: 7, nRepeats: 3, maxSamples: 20, scoring: 'neg_mean_absolute_error' })).toEqual(expectedSampled);
    // A fraction of the rows: floor(0.4 · 50) = 20, the same draw.
    expect(permutationImportance(model, reg.Xtest, reg.ytest, { seed: 7, nRepeats: 3, maxSamples: 0.4, scoring: 'neg_mean_absolute_error' })).toEqual(expectedSampled);
  });

  it('permutationImportance is deterministic for a seed and has one row per feature, one column per repeat', () => {
    const model = ridge();
    const a = permutationImportance(model, reg.Xtest, reg.ytest, { seed: 3, nRepeats: 6 });
    const b = permutationImportance(model, reg.Xtest, reg.ytest, { seed: 3, nRepeats: 6 });
    expect(a).toEqual(b);
    expect(a.importances.length).toBe(4);
    for (const drops of a.importances) expect(drops.length).toBe(6);
    expect(a.importancesMean.length).toBe(4);
    expect(a.importancesStd.length).toBe(4);
    expect(permutationImportance(model, reg.Xtest, reg.ytest, { seed: 4, nRepeats: 6 }).importances).not.toEqual(a.importances);
    // Defaults: 5 repeats, seed 0.
    const defaults = permutationImportance(model, reg.Xtest, reg.ytest);
    expect(defaults.importances[0].length).toBe(5);
    expect(defaults).toEqual(permutationImportance(model, reg.Xtest, reg.ytest, { seed: 0, nRepeats: 5 }));
  });

  it('permutationImportance gives pure-noise features about 0 and informative ones a clear drop', () => {
    // make_regression with shuffle=False: y depends on features 0 and 1 only; 2 and 3 are noise.
    expect(reg.coef[2]).toBe(0);
    expect(reg.coef[3]).toBe(0);
    const result = permutationImportance(ridge(), reg.Xtest, reg.ytest, { seed: 1, nRepeats: 10 });
    expect(result.importancesMean[0]).toBeGreaterThan(0.3);
    expect(result.importancesMean[1]).toBeGreaterThan(0.3);
    expect(Math.abs(result.importancesMean[2])).toBeLessThan(0.01);
    expect(Math.abs(result.importancesMean[3])).toBeLessThan(0.01);
    // The same holds with a classifier's accuracy.
    const acc = permutationImportance(logistic(), clf.Xtest, clf.ytest, { seed: 1, nRepeats: 10 });
    expect(acc.importancesMean[1]).toBeGreaterThan(0.2);
    expect(Math.abs(acc.importancesMean[2])).toBeLessThan(0.05);
    expect(Math.abs(acc.importancesMean[3])).toBeLessThan(0.05);
  });

  it('permutationImportance std is the population std (ddof 0, numpy\'s default) of the drops', () => {
    const result = permutationImportance(ridge(), reg.Xtest, reg.ytest, { seed: 2, nRepeats: 4 });
    result.importances.forEach((drops, j) => {
      const m = mean(drops);
      expect(result.importancesMean[j]).toBeCloseTo(m, 14);
      const ss = drops.reduce((s, d) => s + (d - m) ** 2, 0);
      expect(result.importancesStd[j]).toBeCloseTo(Math.sqrt(ss / drops.length), 14);
      if (ss > 0) expect(result.importancesStd[j]).toBeLessThan(Math.sqrt(ss / (drops.length - 1)));
    });
    expect(result.importancesStd[0]).toBeGreaterThan(0);
    // One repeat: the population std is 0 (the sample std would be undefined).
    expect(permutationImportance(ridge(), reg.Xtest, reg.ytest, { nRepeats: 1 }).importancesStd).toEqual([0, 0, 0, 0]);
  });

  it('permutationImportance takes a Matrix, a scoring function and a Pipeline', () => {
    const model = ridge();
    const fromRows = permutationImportance(model, reg.Xtest, reg.ytest, { seed: 5 });
    expect(permutationImportance(model, new Matrix(reg.Xtest), reg.ytest, { seed: 5 })).toEqual(fromRows);
    const r2 = permutationImportance(model, reg.Xtest, reg.ytest, { seed: 5, scoring: (est, X, y) => est.score!(X, y) });
    expect(r2).toEqual(fromRows);
    const pipe = new Pipeline({ steps: [['scale', new StandardScaler()], ['ridge', new Ridge()]] }).fit(reg.Xtrain, reg.ytrain);
    const piped = permutationImportance(pipe, reg.Xtest, reg.ytest, { seed: 5 });
    expect(piped.importancesMean[1]).toBeGreaterThan(0.3);
    expect(Math.abs(piped.importancesMean[3])).toBeLessThan(0.01);
  });

  it('permutationImportance reports bad input clearly', () => {
    const model = ridge();
    const run = (options: object, X: unknown = reg.Xtest, y: unknown = reg.ytest) => () => permutationImportance(model, X, y as number[], options);
    expect(run({ nRepeats: 0 })).toThrow(/^permutationImportance: nRepeats must be an integer ≥ 1, got 0/);
    expect(run({ maxSamples: 0.001 })).toThrow(/permutationImportance: maxSamples = 0.001 of the \d+ rows of X is less than one row/);
    expect(run({ nRepeats: 2.5 })).toThrow(/permutationImportance: nRepeats must be an integer ≥ 1/);
    expect(run({ maxSamples: 51 })).toThrow(/permutationImportance: maxSamples = 51 is more than the 50 rows of X/);
    expect(run({ maxSamples: 0 })).toThrow(/permutationImportance: maxSamples must be a row count \(an integer ≥ 2\) or a fraction in \(0, 1\], got 0/);
    expect(run({ maxSamples: 1.5 })).toThrow(/permutationImportance: maxSamples must be/);
    expect(run({ seed: Number.NaN })).toThrow(/permutationImportance: seed must be a finite number/);
    expect(run({ scoring: 'accurcy' })).toThrow(/permutationImportance: unknown scoring 'accurcy'/);
    expect(run({}, [], [])).toThrow(/permutationImportance: X must be a non-empty array of rows/);
    expect(run({}, [1, 2, 3], [1, 2, 3])).toThrow(/permutationImportance: X must be 2-D/);
    expect(run({}, [[1, 2], [3]], [1, 2])).toThrow(/permutationImportance: X row 1 has 1 values, expected 2/);
    expect(run({}, reg.Xtest, reg.ytest.slice(1))).toThrow(/permutationImportance: y has 49 values but X has 50 rows/);
    expect(() => permutationImportance(null as never, reg.Xtest, reg.ytest)).toThrow(/permutationImportance: estimator must be a fitted model/);
    expect(() => permutationImportance(new Ridge(), reg.Xtest, reg.ytest)).toThrow(/not fitted yet/);
  });
});
