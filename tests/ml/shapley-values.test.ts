import { describe, expect, it } from 'vitest';
import { DecisionTreeRegressor, rng, shapleyValues } from '../../src/ml/index.ts';
import { expectClose } from './fixtures/expect-close.ts';

// No reference library here (shap is not installed): checked by hand, against the Shapley axioms
// and against the definition summed over every order of the features.
const random = rng(4);
const table = (n: number, d: number) => Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
const background = table(7, 4);
const X = table(3, 4);
const nonlinear = (rows: number[][]) => rows.map(([a, b, c, d]) => a * b + Math.sin(c) + 0.5 * d * d * a);

/** φ by the definition: the mean over all d! orders of what adding feature j to those before it adds. */
function byOrders(f: (rows: number[][]) => number[], x: number[], base: number[][]): number[] {
  const d = x.length;
  const v = (known: Set<number>) => f(base.map((b) => b.map((bv, j) => (known.has(j) ? x[j] : bv)))).reduce((a, c) => a + c, 0) / base.length;
  const phi = new Array<number>(d).fill(0);
  const orders: number[][] = [];
  const build = (prefix: number[]) => {
    if (prefix.length === d) orders.push(prefix);
    for (let j = 0; j < d; j++) if (!prefix.includes(j)) build([...prefix, j]);
  };
  build([]);
  for (const order of orders) {
    const known = new Set<number>();
    for (const j of order) {
      const before = v(known);
      known.add(j);
      phi[j] += (v(known) - before) / orders.length;
    }
  }
  return phi;
}

describe('shapleyValues (exact, interventional), checked by hand', () => {
  it('efficiency: the base value plus the contributions is the prediction, for a nonlinear model', () => {
    const { values, baseValue, predictions } = shapleyValues(nonlinear, X, background);
    const expectedBase = nonlinear(background).reduce((a, b) => a + b, 0) / background.length;
    expectClose(baseValue, expectedBase, 1e-12, 'baseValue');
    expectClose(predictions, nonlinear(X), 1e-12, 'predictions');
    values.forEach((phi, r) => expectClose(baseValue + phi.reduce((a, b) => a + b, 0), nonlinear([X[r]])[0], 1e-12, `row ${r}`));
  });

  it('equals the definition averaged over all 24 orders of 4 features', () => {
    const { values } = shapleyValues(nonlinear, X, background);
    X.forEach((x, r) => expectClose(values[r], byOrders(nonlinear, x, background), 1e-12, `row ${r}`));
  });

  it('a linear model: φ_j = w_j (x_j − mean of the background\'s feature j)', () => {
    const w = [2, -1, 0.5, 0];
    const linear = (rows: number[][]) => rows.map((row) => 3 + row.reduce((a, v, j) => a + w[j] * v, 0));
    const { values } = shapleyValues(linear, X, background);
    const backgroundMean = w.map((_, j) => background.reduce((a, b) => a + b[j], 0) / background.length);
    X.forEach((x, r) => expectClose(values[r], w.map((wj, j) => wj * (x[j] - backgroundMean[j])), 1e-12, `row ${r}`));
    // Dummy: the feature with weight 0 gets exactly 0.
    X.forEach((_, r) => expect(values[r][3]).toBe(0));
  });

  it('a pure interaction is split evenly: f = x₀·x₁ from background (0, 0) to x = (1, 1) gives (½, ½)', () => {
    const { values, baseValue } = shapleyValues((rows) => rows.map(([a, b]) => a * b), [[1, 1]], [[0, 0]]);
    expect(baseValue).toBe(0);
    expect(values[0]).toEqual([0.5, 0.5]);
  });

  it('explains a fitted tree with its predict', () => {
    const train = table(60, 3);
    const tree = new DecisionTreeRegressor({ maxDepth: 3 }).fit(train, train.map(([a, b]) => (a > 0 ? 2 : 0) + b));
    const { values, baseValue, predictions } = shapleyValues((rows) => tree.predict(rows), X.map((r) => r.slice(0, 3)), background.map((r) => r.slice(0, 3)));
    values.forEach((phi, r) => expectClose(baseValue + phi.reduce((a, b) => a + b, 0), predictions[r], 1e-12, `row ${r}`));
    // The prediction is the mean of |background| equal numbers: equal up to rounding.
    expectClose(predictions, tree.predict(X.map((r) => r.slice(0, 3))), 1e-12, 'predictions');
  });

  it('explains bad input: widths, too many features, a bad f', () => {
    expect(() => shapleyValues(nonlinear, X, [[1, 2]])).toThrow('shapleyValues: background has 2 features but X has 4');
    expect(() => shapleyValues(nonlinear, X, background, { maxFeatures: 3 })).toThrow('shapleyValues: 4 features means 2^4 coalitions per row');
    expect(() => shapleyValues((rows) => rows.map(() => NaN), X, background)).toThrow('shapleyValues: f must return one finite number per row');
    expect(() => shapleyValues('f' as never, X, background)).toThrow('shapleyValues: f must be a function');
  });
});
