import { describe, expect, it } from 'vitest';
import { KNeighborsClassifier, KNeighborsRegressor, NearestNeighbors, rng } from '../../src/ml/index.ts';
import type { NeighborMetric } from '../../src/ml/index.ts';
import fixture from './fixtures/neighbors.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

for (const [name, data] of Object.entries(fixture)) {
  describe(`k-nearest neighbours on ${name}-dimensional data (${data.X[0].length} features)`, () => {
    for (const c of data.cases) {
      const opts = { nNeighbors: data.k, metric: c.metric as NeighborMetric, p: c.p, weights: c.weights as 'uniform' | 'distance' };
      const label = `${c.metric}${c.metric === 'minkowski' ? ` p=${c.p}` : ''}, ${c.weights}`;

      it(`KNeighborsClassifier.kneighbors matches scikit-learn distances and indices at 1e-9 (${label})`, () => {
        const knn = new KNeighborsClassifier(opts).fit(data.X, data.y);
        const { distances, indices } = knn.kneighbors(data.Xtest, data.k);
        expectClose(distances, c.distances, 1e-9, 'distances');
        expect(indices).toEqual(c.indices);
      });

      it(`KNeighborsClassifier.predictProba and predict match scikit-learn (${label})`, () => {
        const knn = new KNeighborsClassifier(opts).fit(data.X, data.y);
        expectClose(knn.predictProba(data.Xtest), c.proba, 1e-9, 'proba');
        expect(knn.predict(data.Xtest)).toEqual(c.predict);
      });

      it(`KNeighborsRegressor.predict matches scikit-learn at 1e-9 (${label})`, () => {
        const knn = new KNeighborsRegressor(opts).fit(data.X, data.yReg);
        expectClose(knn.predict(data.Xtest), c.regress, 1e-9, 'predict');
      });
    }
  });
}

describe('NearestNeighbors', () => {
  const r = rng(3);
  const X = Array.from({ length: 500 }, () => [r.normal(), r.normal(), r.normal(), r.normal()]);
  const Q = Array.from({ length: 40 }, () => [r.normal(), r.normal(), r.normal(), r.normal()]);

  it('NearestNeighbors.kneighbors with the k-d tree equals brute force for euclidean and manhattan', () => {
    for (const metric of ['euclidean', 'manhattan'] as const) {
      const tree = new NearestNeighbors({ metric, algorithm: 'kd_tree', leafSize: 8 }).fit(X);
      const brute = new NearestNeighbors({ metric, algorithm: 'brute' }).fit(X);
      expect(tree.fitMethod).toBe('kd_tree');
      expect(brute.fitMethod).toBe('brute');
      const a = tree.kneighbors(Q, 6), b = brute.kneighbors(Q, 6);
      expect(a.indices).toEqual(b.indices);
      expectClose(a.distances, b.distances, 1e-12);
    }
  });

  it('NearestNeighbors.kneighbors of a training point finds itself at distance 0 first', () => {
    const nn = new NearestNeighbors().fit(X);
    const { distances, indices } = nn.kneighbors([X[17]], 3);
    expect(indices[0][0]).toBe(17);
    expect(distances[0][0]).toBe(0);
    expect(distances[0][1]).toBeGreaterThan(0);
  });

  it('NearestNeighbors.kneighbors breaks distance ties by the lower training index', () => {
    const nn = new NearestNeighbors({ algorithm: 'kd_tree', leafSize: 1 }).fit([[1, 0], [0, 1], [-1, 0], [0, -1], [2, 2]]);
    expect(nn.kneighbors([[0, 0]], 4).indices).toEqual([[0, 1, 2, 3]]);
  });

  it('NearestNeighbors k-d tree handles many duplicate points and k larger than a leaf like brute force', () => {
    const dup = Array.from({ length: 300 }, (_, i) => [i % 3, Math.floor(i / 100), 0.5]);
    const queries = [[0.2, 0.1, 0.5], [2, 2, 0.5], [1.4, 0.9, 0]];
    const tree = new NearestNeighbors({ algorithm: 'kd_tree', leafSize: 5 }).fit(dup);
    const brute = new NearestNeighbors({ algorithm: 'brute' }).fit(dup);
    const a = tree.kneighbors(queries, 60), b = brute.kneighbors(queries, 60);
    expect(a.indices).toEqual(b.indices);
    expect(a.distances).toEqual(b.distances);
  });

  it('NearestNeighbors chooses brute force above 16 dimensions and for cosine', () => {
    const wide = Array.from({ length: 30 }, (_, i) => Array.from({ length: 17 }, (_, j) => Math.sin(i * 17 + j)));
    expect(new NearestNeighbors().fit(wide).fitMethod).toBe('brute');
    expect(new NearestNeighbors({ metric: 'cosine' }).fit(X).fitMethod).toBe('brute');
    expect(new NearestNeighbors().fit(X).fitMethod).toBe('kd_tree');
  });

  it('NearestNeighbors rejects bad options and queries with a message that says what to do', () => {
    expect(() => new NearestNeighbors({ nNeighbors: 0 }).fit(X)).toThrow('NearestNeighbors.fit: nNeighbors must be an integer ≥ 1, got 0');
    expect(() => new NearestNeighbors({ metric: 'cosine', algorithm: 'kd_tree' }).fit(X)).toThrow("use 'brute' for cosine");
    expect(() => new NearestNeighbors({ metric: 'minkowski', p: 0.5 }).fit(X)).toThrow('p must be a finite number ≥ 1');
    expect(() => new NearestNeighbors().kneighbors(Q)).toThrow('NearestNeighbors.kneighbors: this estimator is not fitted yet');
    const nn = new NearestNeighbors().fit(X);
    expect(() => nn.kneighbors([[1, 2]])).toThrow('X has 2 features but the model was fitted on 4');
    expect(() => nn.kneighbors(Q, 501)).toThrow('nNeighbors = 501 exceeds the 500 training points');
  });
});

describe('KNeighbors weights', () => {
  it("KNeighborsRegressor with weights 'distance' returns the exact match's target", () => {
    const knn = new KNeighborsRegressor({ nNeighbors: 3, weights: 'distance' }).fit([[0], [1], [2], [3]], [10, 20, 30, 40]);
    expect(knn.predict([[2]])).toEqual([30]);
  });

  it('KNeighborsClassifier breaks a vote tie in favour of the smaller class', () => {
    const knn = new KNeighborsClassifier({ nNeighbors: 2 }).fit([[0], [1], [5]], [7, 3, 3]);
    expect(knn.predictProba([[0.5]])).toEqual([[0.5, 0.5]]);
    expect(knn.predict([[0.5]])).toEqual([3]);
  });

  it('KNeighborsClassifier.fit rejects an unknown weights option', () => {
    expect(() => new KNeighborsClassifier({ weights: 'gaussian' as 'uniform' }).fit([[0], [1]], [0, 1])).toThrow(
      "KNeighborsClassifier.fit: weights must be one of 'uniform', 'distance'",
    );
  });
});
