import { describe, expect, it } from 'vitest';
import { BaggingRegressor } from '../../src/ml/ensemble/index.ts';
import { KNeighborsRegressor } from '../../src/ml/neighbors/index.ts';
import { DecisionTreeRegressor } from '../../src/ml/tree/index.ts';
import fx from './fixtures/bagging-regressor.json';

const mse = (a: number[], b: number[]) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length;

describe('BaggingRegressor', () => {
  it('BaggingRegressor.predict equals scikit-learn trees averaged over the same bags (make_bagging_regressor.py)', () => {
    for (const c of fx.cases) {
      const { n_estimators: nEstimators, max_samples: maxSamples, max_features: maxFeatures, seed } = c.params;
      const bagging = new BaggingRegressor({ nEstimators, maxSamples, maxFeatures, seed }).fit(fx.Xtrain, fx.ytrain);
      // The draws are the ones the Python port made, so the comparison below is of like with like.
      expect(bagging.estimatorsSamples![0]).toEqual(c.firstBagRows);
      expect(bagging.estimatorsFeatures).toEqual(c.features);
      const predicted = bagging.predict(fx.Xtest);
      predicted.forEach((v, i) => expect(Math.abs(v - c.predict[i]), `row ${i}`).toBeLessThan(1e-9));
    }
  });

  it("BaggingRegressor's test MSE over seeds lands within 3 standard errors of scikit-learn's own BaggingRegressor", () => {
    const seeds = Array.from({ length: 10 }, (_, s) => s);
    const ours = seeds.map((seed) => mse(new BaggingRegressor({ nEstimators: 20, seed }).fit(fx.Xtrain, fx.ytrain).predict(fx.Xtest), fx.ytest));
    const mean = ours.reduce((s, v) => s + v, 0) / ours.length;
    // Each mean carries its seeds' spread: the standard error of a difference of two means.
    const se = Math.sqrt(fx.sklearnMse.std ** 2 / fx.sklearnMse.seeds + fx.sklearnMse.std ** 2 / seeds.length);
    expect(Math.abs(mean - fx.sklearnMse.mean)).toBeLessThan(3 * se);
    // And bagging beats the single deep tree here, as in scikit-learn.
    expect(mean).toBeLessThan(fx.singleTreeMse);
  });

  it('BaggingRegressor.predict is the mean of predictionsByEstimator; a seed repeats the fit; other regressors bag too', () => {
    const a = new BaggingRegressor({ nEstimators: 5, seed: 4, maxFeatures: 0.6 }).fit(fx.Xtrain, fx.ytrain);
    const b = new BaggingRegressor({ nEstimators: 5, seed: 4, maxFeatures: 0.6 }).fit(fx.Xtrain, fx.ytrain);
    expect(a.predict(fx.Xtest)).toEqual(b.predict(fx.Xtest));
    const columns = a.predictionsByEstimator(fx.Xtest);
    expect(columns).toHaveLength(5);
    a.predict(fx.Xtest).forEach((v, i) => expect(v).toBeCloseTo(columns.reduce((s, c) => s + c[i], 0) / 5, 12));
    const knn = new BaggingRegressor({ estimator: new KNeighborsRegressor({ nNeighbors: 3 }), nEstimators: 3 }).fit(fx.Xtrain, fx.ytrain);
    expect(knn.estimators![0]).toBeInstanceOf(KNeighborsRegressor);
    expect(knn.score(fx.Xtest, fx.ytest)).toBeGreaterThan(0);
    expect(new BaggingRegressor().params.estimator).toBeInstanceOf(DecisionTreeRegressor);
  });

  it('BaggingRegressor reports bad parameters and use before fit clearly', () => {
    expect(() => new BaggingRegressor({ nEstimators: 0 }).fit(fx.Xtrain, fx.ytrain)).toThrow(/nEstimators/);
    expect(() => new BaggingRegressor({ maxSamples: 1000 }).fit(fx.Xtrain, fx.ytrain)).toThrow(/maxSamples = 1000 is more than the 150 available/);
    expect(() => new BaggingRegressor().predict(fx.Xtest)).toThrow(/BaggingRegressor\.predict/);
  });
});
