import { describe, expect, it } from 'vitest';
import { PCA, TSNE, center, covarianceMatrix, eigenDecomposition, trustworthiness } from '../../src/ml/decomposition/index.ts';
import { rng } from '../../src/ml/core/random.ts';
import { denseFromRows, denseToRows } from '../../src/ml/core/dense.ts';
import { covarianceOfRows } from '../../src/ml/decomposition/covariance-kernel.ts';
import pca from './fixtures/pca.json';
import tsne from './fixtures/tsne.json';

const expectClose = (actual: number[][] | number[], expected: number[][] | number[], tol: number): void => {
  const a = (actual as unknown[]).flat() as number[];
  const e = (expected as unknown[]).flat() as number[];
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => expect(Math.abs(v - e[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e[i]))));
};

describe('PCA', () => {
  it('PCA.fit matches scikit-learn components (svd_flip signs), variances and singular values at 1e-9', () => {
    const model = new PCA().fit(pca.X);
    expectClose(model.components!, pca.components, 1e-9);
    expectClose(model.explainedVariance!, pca.explainedVariance, 1e-9);
    expectClose(model.explainedVarianceRatio!, pca.explainedVarianceRatio, 1e-9);
    expectClose(model.singularValues!, pca.singularValues, 1e-9);
    expectClose(model.mean!, pca.mean, 1e-12);
    expectClose(model.transform(pca.X), pca.transformed, 1e-9);
  });

  it('PCA.transform with whiten matches scikit-learn, and noiseVariance too', () => {
    const model = new PCA({ nComponents: 3, whiten: true }).fit(pca.X);
    expectClose(model.transform(pca.X), pca.whitened3, 1e-9);
    expect(model.noiseVariance!).toBeCloseTo(pca.noiseVariance3, 9);
  });

  it('PCA with a variance fraction keeps as many components as scikit-learn', () => {
    expect(new PCA({ nComponents: 0.9 }).fit(pca.X).nComponents).toBe(pca.fraction90Components);
  });

  it('PCA.inverseTransform with all components reproduces X', () => {
    for (const whiten of [false, true]) {
      const model = new PCA({ whiten }).fit(pca.X);
      expectClose(model.inverseTransform(model.transform(pca.X)), pca.X, 1e-9);
    }
  });

  it('the fast covariance kernel PCA fits with equals the readable covarianceMatrix for every width (4×2 tiles and their edges) and row count', () => {
    const r = rng(5);
    for (const d of [1, 2, 3, 4, 5, 6, 7, 9, 12]) {
      for (const n of [2, 63, 64, 65, 150]) {
        // Uncentered rows and their means: the kernel centres on the fly, block by block.
        const X = Array.from({ length: n }, () => Array.from({ length: d }, () => 3 + r.normal()));
        const { centered, mean } = center(X);
        const fast = denseToRows(covarianceOfRows(denseFromRows(X), Float64Array.from(mean)));
        expectClose(fast, covarianceMatrix(centered), 1e-12);
      }
    }
  });

  it('center, covarianceMatrix and eigenDecomposition compose to PCA: C v = λ v', () => {
    const { centered, mean } = center(pca.X);
    expectClose(mean, pca.mean, 1e-12);
    const C = covarianceMatrix(centered);
    const { values, vectors } = eigenDecomposition(C);
    expectClose(values, pca.explainedVariance, 1e-9);
    vectors.forEach((v, k) => {
      const Cv = C.map((row) => row.reduce((s, c, f) => s + c * v[f], 0));
      expectClose(Cv, v.map((x) => values[k] * x), 1e-9);
    });
  });

  it('PCA reports bad input clearly', () => {
    expect(() => new PCA().transform([[1]])).toThrow(/not fitted yet/);
    expect(() => new PCA({ nComponents: 9 }).fit(pca.X)).toThrow(/nComponents = 9 is more than/);
    expect(() => new PCA({ nComponents: -1 }).fit(pca.X)).toThrow(/nComponents must be a positive integer/);
    expect(() => new PCA().fit(pca.X).transform([[1, 2]])).toThrow(/X has 2 features but PCA was fitted on 5/);
    expect(() => eigenDecomposition([[1, 2, 3], [4, 5, 6]])).toThrow(/must be square/);
  });
});

describe('trustworthiness', () => {
  it('trustworthiness equals scikit-learn on the same embeddings', () => {
    expect(trustworthiness(tsne.X, tsne.sklearnEmbedding, 5)).toBeCloseTo(tsne.trustworthiness, 12);
    expect(trustworthiness(tsne.X, tsne.randomEmbedding, 5)).toBeCloseTo(tsne.trustworthinessRandom, 12);
  });
});

describe('TSNE', () => {
  const model = new TSNE({ perplexity: tsne.perplexity, seed: 0 });
  const steps = [...model.steps(tsne.X)];

  it('TSNE.steps: KL divergence falls after early exaggeration', () => {
    const main = steps.filter((s) => s.phase === 'main');
    expect(main.length).toBeGreaterThan(10);
    expect(main[main.length - 1].klDivergence).toBeLessThan(main[0].klDivergence);
    expect(model.klDivergence!).toBeLessThan(1.5 * tsne.sklearnKL + 0.1);
  });

  it('TSNE embedding keeps separated blobs separated (trustworthiness ≥ 0.9, as scikit-learn)', () => {
    const t = trustworthiness(tsne.X, model.embedding!, 5);
    expect(t).toBeGreaterThanOrEqual(0.9);
    expect(tsne.trustworthiness).toBeGreaterThanOrEqual(0.9);
    // Every point's nearest embedded neighbour is from its own blob.
    const E = model.embedding!;
    E.forEach((p, i) => {
      let best = -1, bestD = Infinity;
      E.forEach((q, j) => {
        const d = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
        if (j !== i && d < bestD) { bestD = d; best = j; }
      });
      expect(tsne.labels[best]).toBe(tsne.labels[i]);
    });
  });

  it('TSNE.fit is deterministic for a seed and yields every yieldEvery iterations', () => {
    const again = new TSNE({ perplexity: tsne.perplexity, init: 'random', seed: 2, nIter: 300, yieldEvery: 50 });
    const a = [...again.steps(tsne.X)];
    expect(a.map((s) => s.iteration)).toEqual([50, 100, 150, 200, 250, 300]);
    const b = new TSNE({ perplexity: tsne.perplexity, init: 'random', seed: 2, nIter: 300 }).fit(tsne.X);
    expect(b.embedding).toEqual(a[a.length - 1].embedding);
  });

  it('TSNE reports a perplexity too large for the data', () => {
    expect(() => new TSNE({ perplexity: 30 }).fit(tsne.X.slice(0, 20))).toThrow(/perplexity \(30\) must be less than the number of rows \(20\)/);
  });
});
