import { describe, expect, it } from 'vitest';
import * as ml from '../../src/ml/index.ts';
import { StackingRegressor, VotingRegressor } from '../../src/ml/ensemble/index.ts';
import { LinearRegression, Ridge } from '../../src/ml/linear/index.ts';
import { KNeighborsRegressor } from '../../src/ml/neighbors/index.ts';
import { DecisionTreeRegressor } from '../../src/ml/tree/index.ts';
import { crossValScore, KFold } from '../../src/ml/model-selection/index.ts';
import { r2Score } from '../../src/ml/metrics/index.ts';
import type { Predictor } from '../../src/ml/core/estimator.ts';
import { expectClose } from './fixtures/expect-close.ts';
import fx from './fixtures/ensemble-regressors.json';

// The base models whose fits match scikit-learn's exactly (make_inspection_ensemble_regressors.py builds the same ones).
// Trees too: the data are float32-exact and make_inspection_ensemble_regressors.py checks that no node of any tree fitted
// there (all rows, or any fold) has two equally good splits, so both libraries grow the same
// trees, with the same float64 thresholds and leaf means. A tree that differed would jump by a
// whole leaf, not drift, so trees get the same 1e-9 as the rest (measured: ~1e-13).
const TOL = 1e-9;
const base = (name: string): Predictor => {
  switch (name) {
    case 'linear': return new LinearRegression();
    case 'ridge': return new Ridge({ alpha: 2 });
    case 'knn': return new KNeighborsRegressor({ nNeighbors: 5, algorithm: 'brute' });
    case 'tree': return new DecisionTreeRegressor({ maxDepth: 4, minSamplesLeaf: 5 });
    default: throw new Error(`unknown base model ${name}`);
  }
};
const named = (names: string[]): [string, Predictor][] => names.map((n) => [n, base(n)]);

describe('VotingRegressor', () => {
  for (const c of fx.voting) {
    const label = `${c.estimators.join(' + ')}${c.weights ? `, weights ${c.weights.join(', ')}` : ''}`;
    it(`VotingRegressor matches scikit-learn predict, transform and score (${label})`, () => {
      const voting = new VotingRegressor({ estimators: named(c.estimators), weights: c.weights ?? undefined }).fit(fx.Xtrain, fx.ytrain);
      expectClose(voting.predict(fx.Xtest), c.predict, TOL, 'predict');
      expectClose(voting.transform(fx.Xtest), c.transform, TOL, 'transform');
      expectClose(voting.score(fx.Xtest, fx.ytest), c.score, TOL, 'score');
      expectClose(voting.predict(fx.Xtrain), c.trainPredict, TOL, 'train predict');
    });
  }

  it('VotingRegressor.predict is the weighted mean of the transform columns; estimators are fitted copies', () => {
    const estimators = named(['linear', 'knn', 'tree']);
    const voting = new VotingRegressor({ estimators, weights: [3, 1, 0] }).fit(fx.Xtrain, fx.ytrain);
    const columns = voting.transform(fx.Xtest);
    voting.predict(fx.Xtest).forEach((p, i) => expect(p).toBeCloseTo((3 * columns[i][0] + columns[i][1]) / 4, 10));
    expect(voting.estimators!.length).toBe(3);
    voting.estimators!.forEach((e, k) => expect(e).not.toBe(estimators[k][1]));
    expect(() => estimators[0][1].predict(fx.Xtest)).toThrow(/not fitted yet/);
    expect(voting.score(fx.Xtest, fx.ytest)).toBeCloseTo(r2Score(fx.ytest, voting.predict(fx.Xtest)), 14);
  });

  it('VotingRegressor reports bad input clearly', () => {
    expect(() => new VotingRegressor().fit(fx.Xtrain, fx.ytrain)).toThrow(/^VotingRegressor\.fit: estimators is empty; pass e\.g\./);
    expect(() => new VotingRegressor({ estimators: named(['linear']) }).predict(fx.Xtest)).toThrow(/VotingRegressor\.predict: this estimator is not fitted yet/);
    expect(() => new VotingRegressor({ estimators: named(['linear']) }).transform(fx.Xtest)).toThrow(/VotingRegressor\.transform: this estimator is not fitted yet/);
    expect(() => new VotingRegressor({ estimators: named(['linear', 'knn']), weights: [1] }).fit(fx.Xtrain, fx.ytrain)).toThrow(/weights has 1 values but there are 2 estimators/);
    expect(() => new VotingRegressor({ estimators: named(['linear', 'knn']), weights: [1, -1] }).fit(fx.Xtrain, fx.ytrain)).toThrow(/weights sum to 0/);
    expect(() => new VotingRegressor({ estimators: named(['linear']), weights: [Number.NaN] }).fit(fx.Xtrain, fx.ytrain)).toThrow(/weights\[0\] is NaN/);
    expect(() => new VotingRegressor({ estimators: named(['linear']) }).fit(fx.Xtrain, fx.ytrain.slice(1))).toThrow(/VotingRegressor\.fit: y has 119 values but X has 120 rows/);
    const fitted = new VotingRegressor({ estimators: named(['linear']) }).fit(fx.Xtrain, fx.ytrain);
    expect(() => fitted.score(fx.Xtest, fx.ytest.slice(1))).toThrow(/VotingRegressor\.score: y has 39 values but X has 40 rows/);
  });
});

describe('StackingRegressor', () => {
  for (const c of fx.stacking) {
    const label = `${c.estimators.join(' + ')} → Ridge(alpha ${c.finalAlpha}), cv ${c.cv}, passthrough ${c.passthrough}`;
    it(`StackingRegressor matches scikit-learn predict, transform and the final estimator (${label})`, () => {
      const stacking = new StackingRegressor({
        estimators: named(c.estimators), finalEstimator: new Ridge({ alpha: c.finalAlpha }), cv: c.cv, passthrough: c.passthrough,
      }).fit(fx.Xtrain, fx.ytrain);
      // The final estimator's weights depend on every out-of-fold prediction: they check the folds.
      const final = stacking.finalEstimator as Ridge;
      expectClose(final.coef, c.finalCoef, TOL, 'final coef');
      expectClose(final.intercept, c.finalIntercept, TOL, 'final intercept');
      expectClose(stacking.transform(fx.Xtest), c.transform, TOL, 'transform');
      expectClose(stacking.predict(fx.Xtest), c.predict, TOL, 'predict');
      expectClose(stacking.predict(fx.Xtrain), c.trainPredict, TOL, 'train predict');
      expectClose(stacking.score(fx.Xtest, fx.ytest), c.score, TOL, 'score');
      expect(stacking.transform(fx.Xtest)[0].length).toBe(c.estimators.length + (c.passthrough ? fx.Xtest[0].length : 0));
    });
  }

  it('StackingRegressor defaults to a Ridge with alpha 1 on top, 5 folds and no passthrough', () => {
    const c = fx.stacking[0];
    expect([c.finalAlpha, c.cv, c.passthrough]).toEqual([1, 5, false]);
    const stacking = new StackingRegressor({ estimators: named(c.estimators) });
    expect(stacking.params.finalEstimator).toBeInstanceOf(Ridge);
    expect((stacking.params.finalEstimator as Ridge).params.alpha).toBe(1);
    stacking.fit(fx.Xtrain, fx.ytrain);
    expectClose(stacking.predict(fx.Xtest), c.predict, TOL, 'predict');
    // The final estimator is a fitted copy: the one in params stays unfitted.
    expect((stacking.params.finalEstimator as Ridge).coef).toBeUndefined();
  });

  it('StackingRegressor fits the final estimator on out-of-fold predictions over unshuffled KFold', () => {
    const estimators = named(['ridge', 'knn']);
    const stacking = new StackingRegressor({ estimators, cv: 4 }).fit(fx.Xtrain, fx.ytrain);
    const outOfFold: number[][] = fx.Xtrain.map(() => []);
    for (const [, model] of estimators) {
      for (const { train, test } of new KFold({ nSplits: 4 }).split(fx.Xtrain)) {
        const fitted = new (model.constructor as new (p: object) => Predictor)(model.params).fit(train.map((i) => fx.Xtrain[i]), train.map((i) => fx.ytrain[i]));
        fitted.predict(test.map((i) => fx.Xtrain[i])).forEach((p, k) => outOfFold[test[k]].push(p));
      }
    }
    const meta = new Ridge().fit(outOfFold, fx.ytrain);
    expectClose((stacking.finalEstimator as Ridge).coef, meta.coef, 1e-12, 'coef');
    // The base models used for prediction are refitted on all rows.
    expectClose(stacking.transform(fx.Xtest).map((r) => r[0]), base('ridge').fit(fx.Xtrain, fx.ytrain).predict(fx.Xtest), 1e-12, 'ridge column');
  });

  it('StackingRegressor reports bad input clearly', () => {
    expect(() => new StackingRegressor().fit(fx.Xtrain, fx.ytrain)).toThrow(/^StackingRegressor\.fit: estimators is empty; pass e\.g\./);
    expect(() => new StackingRegressor({ estimators: named(['linear']) }).predict(fx.Xtest)).toThrow(/StackingRegressor\.predict: this estimator is not fitted yet/);
    expect(() => new StackingRegressor({ estimators: named(['linear']) }).transform(fx.Xtest)).toThrow(/StackingRegressor\.transform: this estimator is not fitted yet/);
    expect(() => new StackingRegressor({ estimators: named(['linear']), cv: 1 }).fit(fx.Xtrain, fx.ytrain)).toThrow(/StackingRegressor\.fit: cv must be an integer ≥ 2, got 1/);
    expect(() => new StackingRegressor({ estimators: named(['linear']), cv: 200 }).fit(fx.Xtrain, fx.ytrain)).toThrow(/cv = 200 folds is more than the 120 rows/);
    expect(() => new StackingRegressor({ estimators: named(['linear']), finalEstimator: null as never }).fit(fx.Xtrain, fx.ytrain)).toThrow(/finalEstimator must be a regressor/);
    expect(() => new StackingRegressor({ estimators: named(['linear']) }).fit(fx.Xtrain, fx.ytrain.slice(1))).toThrow(/StackingRegressor\.fit: y has 119 values but X has 120 rows/);
  });
});

describe('ensemble regressors in the library', () => {
  it('VotingRegressor and StackingRegressor are exported from the library root', () => {
    expect(ml.VotingRegressor).toBe(VotingRegressor);
    expect(ml.StackingRegressor).toBe(StackingRegressor);
  });

  it('VotingRegressor and StackingRegressor can be cross-validated (cloned from their params)', () => {
    const voting = crossValScore(new VotingRegressor({ estimators: named(['linear', 'knn']) }), fx.Xtrain, fx.ytrain, { cv: 3 });
    const stacking = crossValScore(new StackingRegressor({ estimators: named(['linear', 'tree']), cv: 3 }), fx.Xtrain, fx.ytrain, { cv: 3 });
    expect(voting.length).toBe(3);
    expect(stacking.length).toBe(3);
    for (const s of [...voting, ...stacking]) expect(s).toBeGreaterThan(0.5);
  });
});
