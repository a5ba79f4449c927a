import { describe, expect, it } from 'vitest';
import { loadIris, makeBlobs, makeCircles, makeClassification, makeMoons, makeRegression, makeSpiral } from '../../src/ml/index.ts';
import fixture from './fixtures/data.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

const count = (y: number[], c: number) => y.filter((v) => v === c).length;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const std = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

describe('makeBlobs', () => {
  it('makeBlobs has scikit-learn blob sizes, centres inside centerBox and the requested spread', () => {
    const { X, y, centers } = makeBlobs({ nSamples: 3001, centers: 3, nFeatures: 2, clusterStd: 0.5, seed: 1 });
    expect(X).toHaveLength(3001);
    expect([0, 1, 2].map((c) => count(y, c))).toEqual([1001, 1000, 1000]);
    for (const c of centers.flat()) expect(Math.abs(c)).toBeLessThanOrEqual(10);
    for (let k = 0; k < 3; k++) {
      for (let j = 0; j < 2; j++) {
        const col = X.filter((_, i) => y[i] === k).map((r) => r[j]);
        expect(Math.abs(mean(col) - centers[k][j])).toBeLessThan(0.05);
        expect(Math.abs(std(col) - 0.5)).toBeLessThan(0.03);
      }
    }
  });

  it('makeBlobs takes explicit centres with one std each and is deterministic per seed', () => {
    const a = makeBlobs({ nSamples: 10, centers: [[0, 0], [5, 5]], clusterStd: [0.1, 2], seed: 3 });
    expect(a.centers).toEqual([[0, 0], [5, 5]]);
    expect(makeBlobs({ nSamples: 10, centers: [[0, 0], [5, 5]], clusterStd: [0.1, 2], seed: 3 })).toEqual(a);
    expect(makeBlobs({ nSamples: 10, seed: 4 }).X).not.toEqual(makeBlobs({ nSamples: 10, seed: 5 }).X);
    expect(() => makeBlobs({ centers: [[0, 0]], clusterStd: [1, 2] })).toThrow('makeBlobs: clusterStd has 2 values but there are 1 centres');
  });
});

describe('makeMoons, makeCircles and makeSpiral', () => {
  it('makeMoons without noise puts class 0 on the unit upper half circle and class 1 on the shifted lower one', () => {
    const { X, y } = makeMoons({ nSamples: 101, seed: 0 });
    expect([count(y, 0), count(y, 1)]).toEqual([50, 51]);
    X.forEach((p, i) => {
      const r = y[i] === 0 ? Math.hypot(p[0], p[1]) : Math.hypot(p[0] - 1, p[1] - 0.5);
      expect(r).toBeCloseTo(1, 12);
      if (y[i] === 0) expect(p[1]).toBeGreaterThanOrEqual(-1e-12);
      else expect(p[1]).toBeLessThanOrEqual(0.5 + 1e-12);
    });
  });

  it('makeMoons noise has the requested standard deviation around the clean points', () => {
    const clean = makeMoons({ nSamples: 4000, shuffle: false });
    const noisy = makeMoons({ nSamples: 4000, noise: 0.1, shuffle: false, seed: 2 });
    const residuals = noisy.X.flatMap((p, i) => [p[0] - clean.X[i][0], p[1] - clean.X[i][1]]);
    expect(Math.abs(mean(residuals))).toBeLessThan(0.01);
    expect(Math.abs(std(residuals) - 0.1)).toBeLessThan(0.005);
  });

  it('makeCircles puts the classes on radii 1 and factor', () => {
    const { X, y } = makeCircles({ nSamples: 60, factor: 0.3 });
    expect([count(y, 0), count(y, 1)]).toEqual([30, 30]);
    X.forEach((p, i) => expect(Math.hypot(p[0], p[1])).toBeCloseTo(y[i] === 0 ? 1 : 0.3, 12));
    expect(() => makeCircles({ factor: 1 })).toThrow('makeCircles: factor must be in (0, 1), got 1');
  });

  it('makeSpiral makes k arms of equal size with radii from 0 to 1 and angles on each arm', () => {
    const { X, y } = makeSpiral({ nSamples: 301, nArms: 4, noise: 0, shuffle: false });
    expect([0, 1, 2, 3].map((c) => count(y, c))).toEqual([76, 75, 75, 75]);
    for (const p of X) expect(Math.hypot(p[0], p[1])).toBeLessThanOrEqual(1 + 1e-12);
    // Without noise the point at radius r of arm j has angle 2πj/k + 2π·turns·r.
    const p = X[80];
    const r = Math.hypot(p[0], p[1]);
    const expected = (2 * Math.PI * 1) / 4 + 2 * Math.PI * 0.75 * r;
    expect(Math.atan2(p[0], p[1])).toBeCloseTo(Math.atan2(Math.sin(expected), Math.cos(expected)), 12);
    expect(makeSpiral({ seed: 9 })).toEqual(makeSpiral({ seed: 9 }));
  });
});

describe('makeClassification', () => {
  it('makeClassification has the requested shape and class counts from weights', () => {
    const { X, y } = makeClassification({ nSamples: 1000, nFeatures: 6, weights: [0.9, 0.1], flipY: 0, seed: 2 });
    expect(X).toHaveLength(1000);
    expect(X[0]).toHaveLength(6);
    expect([count(y, 0), count(y, 1)]).toEqual([900, 100]);
  });

  it('makeClassification redundant columns are exact linear combinations of the informative ones', () => {
    const { X } = makeClassification({ nSamples: 50, nFeatures: 7, nInformative: 3, nRedundant: 2, nRepeated: 1, shuffle: false, seed: 4 });
    // Least squares of each redundant column on the informative ones leaves (numerically) no residual.
    for (const r of [3, 4]) {
      const A = X.map((row) => row.slice(0, 3));
      const b = X.map((row) => row[r]);
      const AtA = [0, 1, 2].map((i) => [0, 1, 2].map((j) => A.reduce((s, row) => s + row[i] * row[j], 0)));
      const Atb = [0, 1, 2].map((i) => A.reduce((s, row, k) => s + row[i] * b[k], 0));
      const w = solve3(AtA, Atb);
      for (let k = 0; k < 50; k++) expect(A[k].reduce((s, v, i) => s + v * w[i], 0)).toBeCloseTo(b[k], 9);
    }
    const repeated = X.map((row) => row[5]);
    expect([0, 1, 2, 3, 4].some((j) => X.every((row, i) => row[j] === repeated[i]))).toBe(true);
  });

  it('makeClassification centres classes ±classSep apart: a larger classSep separates the class means more', () => {
    const gap = (sep: number) => {
      const { X, y } = makeClassification({ nSamples: 2000, nFeatures: 2, nInformative: 2, nRedundant: 0, nClustersPerClass: 1, classSep: sep, flipY: 0, shuffle: false, seed: 5 });
      const m0 = [0, 1].map((j) => mean(X.filter((_, i) => y[i] === 0).map((r) => r[j])));
      const m1 = [0, 1].map((j) => mean(X.filter((_, i) => y[i] === 1).map((r) => r[j])));
      return Math.hypot(m0[0] - m1[0], m0[1] - m1[1]);
    };
    expect(gap(3)).toBeGreaterThan(2 * gap(1));
  });

  it('makeClassification flipY relabels about that fraction and explains impossible settings', () => {
    const clean = makeClassification({ nSamples: 4000, flipY: 0, shuffle: false, seed: 6 });
    const flipped = makeClassification({ nSamples: 4000, flipY: 0.2, shuffle: false, seed: 6 });
    expect(flipped.X).toEqual(clean.X);
    // A flipped label is redrawn uniformly, so it changes with probability 1 − 1/nClasses = ½.
    const changed = flipped.y.filter((v, i) => v !== clean.y[i]).length / 4000;
    expect(Math.abs(changed - 0.1)).toBeLessThan(0.02);
    expect(() => makeClassification({ nFeatures: 3, nInformative: 2, nRedundant: 2 })).toThrow('makeClassification: nInformative + nRedundant + nRepeated = 4 exceeds nFeatures = 3');
    expect(() => makeClassification({ nInformative: 1, nRedundant: 0, nClasses: 3, nClustersPerClass: 1 })).toThrow('needs at most 2^nInformative = 2 hypercube vertices');
  });
});

describe('makeRegression', () => {
  it('makeRegression without noise gives y = X·coef + bias exactly, with nInformative non-zero coefficients', () => {
    const { X, y, coef } = makeRegression({ nSamples: 40, nFeatures: 8, nInformative: 3, bias: 2.5, seed: 1 });
    expect(coef.filter((c) => c !== 0)).toHaveLength(3);
    for (const c of coef) expect(c).toBeLessThan(100);
    X.forEach((row, i) => expect(y[i]).toBeCloseTo(row.reduce((a, v, j) => a + v * coef[j], 2.5), 10));
  });

  it('makeRegression noise has the requested standard deviation and X is standard normal', () => {
    const { X, y, coef } = makeRegression({ nSamples: 5000, nFeatures: 3, nInformative: 2, noise: 4, seed: 2 });
    const residuals = X.map((row, i) => y[i] - row.reduce((a, v, j) => a + v * coef[j], 0));
    expect(Math.abs(std(residuals) - 4)).toBeLessThan(0.15);
    const col = X.map((r) => r[0]);
    expect(Math.abs(mean(col))).toBeLessThan(0.05);
    expect(Math.abs(std(col) - 1)).toBeLessThan(0.05);
  });
});

describe('loadIris', () => {
  it('loadIris returns scikit-learn’s 150 rows with names and 50 samples per class', () => {
    const iris = loadIris();
    expect(iris.X).toHaveLength(150);
    expect(iris.featureNames).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect(iris.targetNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect([0, 1, 2].map((c) => count(iris.y, c))).toEqual(fixture.iris.classCounts);
    expect(iris.X[0]).toEqual(fixture.iris.first);
    expect(iris.X[149]).toEqual(fixture.iris.last);
    expectClose([0, 1, 2, 3].map((j) => mean(iris.X.map((r) => r[j]))), fixture.iris.mean, 1e-12);
  });

  it('loadIris returns a fresh copy each call', () => {
    const a = loadIris();
    a.X[0][0] = 999;
    expect(loadIris().X[0][0]).toBe(fixture.iris.first[0]);
  });
});

function solve3(A: number[][], b: number[]): number[] {
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 3; c++) {
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k < 4; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[3] / row[i]);
}
