import { describe, expect, it } from 'vitest';
import { rng } from '../../src/ml/core/random.ts';
import { GradientBoostingRegressor, RandomForestRegressor } from '../../src/ml/ensemble/index.ts';
import { DecisionTreeRegressor } from '../../src/ml/tree/index.ts';
import reference from './fixtures/gradient-boosting.json' with { type: 'json' };

/** The notebook's data: x uniform on [0, 6], y = x sin(x) / 2 + N(0, 0.3²), as make_gradient_boosting.py draws it. */
function wave(n: number, seed: number): { X: number[][]; y: number[] } {
  const random = rng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = random.uniform(0, 6);
    X.push([x]);
    y.push((x * Math.sin(x)) / 2 + random.normal(0, 0.3));
  }
  return { X, y };
}
const train = wave(120, 3);
const test = wave(400, 4);
const mse = (p: number[]) => p.reduce((s, v, i) => s + (v - test.y[i]) ** 2, 0) / p.length;

describe('gradient boosting on the gradient-boosting notebook data, against scikit-learn', () => {
  it('the fixture script draws the same wave', () => {
    expect([train.X.slice(0, 3).map((x) => x[0]), train.y.slice(0, 3)]).toEqual(reference.firstTrainRows);
  });

  it('GradientBoostingRegressor has scikit-learn\'s test error after every one of 200 stages, for ν = 1, 0.3 and 0.1', () => {
    for (const [nu, expected] of Object.entries(reference.stagedTestMse)) {
      const model = new GradientBoostingRegressor({ nEstimators: 200, learningRate: Number(nu), maxDepth: 2, minSamplesLeaf: 5 }).fit(train.X, train.y);
      model.stagedPredict(test.X).forEach((p, m) => expect(mse(p)).toBeCloseTo(expected[m], 9));
    }
  });

  it('single trees match scikit-learn and the random forest is within 0.01 of its mean over seeds', () => {
    expect(mse(new DecisionTreeRegressor().fit(train.X, train.y).predict(test.X))).toBeCloseTo(reference.deepTreeTestMse, 9);
    expect(mse(new DecisionTreeRegressor({ maxDepth: 2, minSamplesLeaf: 5 }).fit(train.X, train.y).predict(test.X))).toBeCloseTo(reference.stumpTestMse, 9);
    const forests = [0, 1, 2].map((seed) => mse(new RandomForestRegressor({ nEstimators: 100, seed }).fit(train.X, train.y).predict(test.X)));
    expect(Math.abs(forests.reduce((s, v) => s + v, 0) / forests.length - reference.forestTestMse)).toBeLessThan(0.01);
  });
});
