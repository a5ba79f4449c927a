import { describe, expect, it } from 'vitest';
import { DBSCAN, KMeans, assignToNearest, kmeansPlusPlusInit, updateCenters } from '../../src/ml/cluster/index.ts';
import { denseFromRows } from '../../src/ml/core/dense.ts';
import { rng } from '../../src/ml/core/random.ts';
import fixture from './fixtures/cluster.json';

const close = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('KMeans', () => {
  it('KMeans.fit with given initial centroids matches scikit-learn centers, labels and inertia at 1e-9', () => {
    const km = new KMeans({ nClusters: 4, init: fixture.init }).fit(fixture.X);
    expect(km.labels).toEqual(fixture.labels);
    expect(km.nIter).toBe(fixture.nIter);
    expect(close(km.inertia!, fixture.inertia, 1e-9)).toBe(true);
    km.clusterCenters!.forEach((c, j) => c.forEach((v, f) => expect(v).toBeCloseTo(fixture.centers[j][f], 9)));
  });

  it('KMeans.fit accepts a Dense matrix and gives the same result as rows', () => {
    const km = new KMeans({ nClusters: 4, init: fixture.init }).fit(denseFromRows(fixture.X));
    expect(km.labels).toEqual(fixture.labels);
    const bad = denseFromRows([[1, 2], [3, 4]]);
    bad.data[3] = Infinity;
    expect(() => new KMeans({ nClusters: 1 }).fit(bad)).toThrow(/X\[1\]\[1\] is Infinity, expected a finite number/);
  });

  it('KMeans.fit with k-means++ reaches inertia within 1% of scikit-learn best of nInit', () => {
    const km = new KMeans({ nClusters: 4, nInit: 10, seed: 3 }).fit(fixture.X);
    expect(km.inertia!).toBeLessThanOrEqual(fixture.plusPlusBestInertia * 1.01);
  });

  it('KMeans.steps alternates assign and update, inertia never rises, and ends at fit', () => {
    const km = new KMeans({ nClusters: 4, init: fixture.init });
    const steps = [...km.steps(fixture.X)];
    expect(steps[0].phase).toBe('assign');
    expect(steps[1].phase).toBe('update');
    for (let i = 1; i < steps.length; i++) expect(steps[i].inertia).toBeLessThanOrEqual(steps[i - 1].inertia * (1 + 1e-12));
    const last = steps[steps.length - 1];
    expect(last.labels).toEqual(fixture.labels);
    expect(close(km.inertia!, fixture.inertia, 1e-9)).toBe(true);
    // Each assign step is assignToNearest, and each update step is updateCenters on those labels.
    const firstAssign = steps[0];
    expect(firstAssign.labels).toEqual(assignToNearest(fixture.X, fixture.init));
    const firstUpdate = steps[1];
    updateCenters(fixture.X, firstAssign.labels, 4).forEach((c, j) => c.forEach((v, f) => expect(firstUpdate.centers[j][f]).toBeCloseTo(v, 10)));
  });

  it('KMeans.steps reports the inertia of its labels and centers, also when stopped by maxIter', () => {
    const runs = [new KMeans({ nClusters: 4, init: fixture.init }), new KMeans({ nClusters: 4, init: fixture.init, maxIter: 2 })];
    const steps = runs.flatMap((km) => [...km.steps(fixture.X)]);
    expect(steps.filter((s) => s.iteration === 2 && s.phase === 'assign').length).toBe(3);
    for (const s of steps) {
      const direct = fixture.X.reduce((sum, row, i) => sum + row.reduce((t, v, f) => t + (v - s.centers[s.labels[i]][f]) ** 2, 0), 0);
      expect(close(s.inertia, direct, 1e-9)).toBe(true);
    }
  });

  it('KMeans.steps labels every assign step exactly as a plain Lloyd loop does (the bounds only skip work)', () => {
    // Overlapping Gaussian blobs (most rows near a boundary), at (d, k) shapes that use the
    // generated kernel and the loop kernel, plus an integer grid where rows tie exactly
    // between centers (Lloyd gives a tie to the lowest index; pruning must never change that).
    const r = rng(11);
    const blobs = (n: number, d: number, k: number) => {
      const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => r.uniform(-1, 1)));
      return Array.from({ length: n }, (_, i) => centres[i % k].map((c) => c + r.normal()));
    };
    const grid = Array.from({ length: 400 }, (_, i) => [i % 20, Math.floor(i / 20)]);
    const cases: [number[][], number][] = [[blobs(2000, 2, 3), 3], [blobs(2000, 16, 8), 8], [blobs(600, 40, 20), 20], [grid, 4]];
    for (const [X, k] of cases) {
      const init = [...X.slice(0, k - 1), X[X.length - 1]];
      let centers = init;
      for (const step of new KMeans({ nClusters: k, init, maxIter: 50, tol: 0 }).steps(X)) {
        if (step.phase === 'assign') expect(step.labels).toEqual(assignToNearest(X, centers));
        else centers = updateCenters(X, step.labels, k);
        step.centers.forEach((c, j) => c.forEach((v, f) => expect(Math.abs(v - centers[j][f])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)))));
        centers = step.centers;
      }
    }
  });

  it('KMeans.fit is deterministic for a seed', () => {
    const a = new KMeans({ nClusters: 4, init: 'random', seed: 7 }).fit(fixture.X);
    const b = new KMeans({ nClusters: 4, init: 'random', seed: 7 }).fit(fixture.X);
    expect(a.labels).toEqual(b.labels);
    expect(a.inertia).toBe(b.inertia);
  });

  it('KMeans.predict, transform and score agree with the fitted model', () => {
    const km = new KMeans({ nClusters: 4, init: fixture.init }).fit(fixture.X);
    expect(km.predict(fixture.X)).toEqual(fixture.labels);
    const distances = km.transform(fixture.X.slice(0, 5));
    distances.forEach((row, i) => expect(row.indexOf(Math.min(...row))).toBe(fixture.labels[i]));
    expect(close(-km.score(fixture.X), fixture.inertia, 1e-9)).toBe(true);
  });

  it('KMeans reports bad input and misuse clearly', () => {
    expect(() => new KMeans().predict([[1, 2]])).toThrow(/not fitted yet/);
    expect(() => new KMeans({ nClusters: 10 }).fit([[1], [2]])).toThrow(/nClusters = 10 is more than the 2 rows/);
    expect(() => new KMeans({ nClusters: 2, init: [[0, 0]] }).fit([[1, 2], [3, 4]])).toThrow(/init has 1 centers but nClusters is 2/);
    expect(() => new KMeans({ nClusters: 1 }).fit([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/);
    expect(() => new KMeans({ nClusters: 1 }).fit([[1, NaN]])).toThrow(/NaN/);
  });
});

describe('kmeansPlusPlusInit', () => {
  it('kmeansPlusPlusInit picks k distinct rows of X, one per well-separated blob', () => {
    const X = [[0, 0], [0.1, 0], [10, 10], [10.1, 10], [-10, 10], [-10.1, 10]];
    const centers = kmeansPlusPlusInit(X, 3, 1);
    const blobs = centers.map((c) => assignToNearest([c], [[0, 0], [10, 10], [-10, 10]])[0]);
    expect(new Set(blobs).size).toBe(3);
    centers.forEach((c) => expect(X.some((row) => row[0] === c[0] && row[1] === c[1])).toBe(true));
  });
});

describe('DBSCAN', () => {
  it('DBSCAN.fit labels match scikit-learn exactly (euclidean)', () => {
    const db = new DBSCAN({ eps: fixture.dbscan.eps, minSamples: fixture.dbscan.minSamples }).fit(fixture.moons);
    expect(db.labels).toEqual(fixture.dbscan.labels);
    expect(db.coreSampleIndices).toEqual(fixture.dbscan.core);
  });

  it('DBSCAN.fit labels match scikit-learn exactly (manhattan)', () => {
    const db = new DBSCAN({ eps: fixture.dbscanManhattan.eps, minSamples: fixture.dbscanManhattan.minSamples, metric: 'manhattan' }).fit(fixture.moons);
    expect(db.labels).toEqual(fixture.dbscanManhattan.labels);
    expect(db.coreSampleIndices).toEqual(fixture.dbscanManhattan.core);
  });

  it('DBSCAN.steps grows clusters wave by wave and ends at the fitted labels', () => {
    const db = new DBSCAN({ eps: fixture.dbscan.eps, minSamples: fixture.dbscan.minSamples });
    const steps = [...db.steps(fixture.moons)];
    expect(steps[0].wave).toBe(0);
    expect(steps[steps.length - 1].labels).toEqual(fixture.dbscan.labels);
    const labelled = steps.map((s) => s.labels.filter((l) => l !== -1).length);
    for (let i = 1; i < labelled.length; i++) expect(labelled[i]).toBe(labelled[i - 1] + steps[i].added.length);
  });

  it('DBSCAN reports bad parameters clearly', () => {
    expect(() => new DBSCAN({ eps: -1 }).fit([[0, 0]])).toThrow(/eps must be a number in/);
    expect(() => new DBSCAN({ metric: 'cosine' as 'euclidean' }).fit([[0, 0]])).toThrow(/metric must be one of/);
  });
});
