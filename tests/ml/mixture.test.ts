import { describe, expect, it } from 'vitest';
import { GaussianMixture, type Covariances, type GaussianMixtureStep } from '../../src/ml/index.ts';
import fx from './fixtures/mixture.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

type CovarianceType = 'full' | 'diag' | 'spherical';
type Case = (typeof fx.given)[number];

function givenModel(c: Case, maxIter = 200): GaussianMixture {
  return new GaussianMixture({
    nComponents: 3, covarianceType: c.covarianceType as CovarianceType, maxIter,
    weightsInit: c.weightsInit, meansInit: c.meansInit, precisionsInit: c.precisionsInit as Covariances,
  });
}

function expectFittedLike(gm: GaussianMixture, c: Case | (typeof fx.fromResponsibilities)[number], tol: number): void {
  const ref = c.fitted;
  expect(gm.nIter, `${c.name} nIter`).toBe(ref.nIter);
  expect(gm.converged, `${c.name} converged`).toBe(ref.converged);
  expectClose(gm.lowerBound, ref.lowerBound, tol, `${c.name} lowerBound`);
  expectClose(gm.weights, ref.weights, tol, `${c.name} weights`);
  expectClose(gm.means, ref.means, tol, `${c.name} means`);
  expectClose(gm.covariances, ref.covariances, tol, `${c.name} covariances`);
  expectClose(gm.precisions, ref.precisions, tol, `${c.name} precisions`);
  expectClose(gm.precisionsCholesky, ref.precisionsCholesky, tol, `${c.name} precisionsCholesky`);
  expectClose(gm.predictProba(c.T), ref.predictProba, tol, `${c.name} predictProba`);
  expect(gm.predict(c.X), `${c.name} predict`).toEqual(ref.predict);
  expectClose(gm.scoreSamples(c.T), ref.scoreSamples, tol, `${c.name} scoreSamples`);
  expectClose(gm.score(c.X), ref.score, tol, `${c.name} score`);
  expectClose(gm.bic(c.X), ref.bic, tol, `${c.name} bic`);
  expectClose(gm.aic(c.X), ref.aic, tol, `${c.name} aic`);
}

/** The full d×d matrix of a covariance in scikit-learn's shape for its type. */
function asMatrix(cov: unknown, type: string, d: number): number[][] {
  if (type === 'full') return cov as number[][];
  const diagonal = type === 'diag' ? (cov as number[]) : new Array<number>(d).fill(cov as number);
  return diagonal.map((v, a) => diagonal.map((_, b) => (a === b ? v : 0)));
}

describe("GaussianMixture against scikit-learn's from the same start (make_mixture.py)", () => {
  it('fit agrees for full, diag and spherical covariances from given weights, means and precisions: parameters, nIter, lower bound, predictProba, scoreSamples, bic and aic', () => {
    for (const c of fx.given) expectFittedLike(givenModel(c).fit(c.X), c, 1e-7);
  });

  it("steps() yields the start, then an E-step and an M-step per iteration, whose parameters are scikit-learn's after that many iterations", () => {
    for (const c of fx.given) {
      const steps = [...givenModel(c).steps(c.X)];
      expect(steps[0].phase).toBe('start');
      expectClose(steps[0].means, c.meansInit, 1e-12, `${c.name} start means`);
      expect(steps.length, c.name).toBe(1 + 2 * c.fitted.nIter);
      c.steps.forEach((ref, t) => {
        const e = steps[1 + 2 * t], m = steps[2 + 2 * t];
        expect([e.phase, e.iteration, m.phase, m.iteration]).toEqual(['e', t + 1, 'm', t + 1]);
        expectClose(m.weights, ref.weights, 1e-8, `${c.name} iteration ${t + 1} weights`);
        expectClose(m.means, ref.means, 1e-8, `${c.name} iteration ${t + 1} means`);
        const d = c.X[0].length;
        expectClose(m.covariances, ref.covariances.map((cov: unknown) => asMatrix(cov, c.covarianceType, d)), 1e-8, `${c.name} iteration ${t + 1} covariances`);
        expectClose(e.lowerBound, ref.lowerBound, 1e-8, `${c.name} iteration ${t + 1} lower bound`);
        // Responsibilities are probabilities over the components.
        for (const row of e.responsibilities!) expect(row.reduce((s, r) => s + r, 0)).toBeCloseTo(1, 12);
      });
      expect(steps.at(-1)!.converged).toBe(true);
      expect(steps.filter((s) => s.converged)).toHaveLength(1);
    }
  });

  it("initParams 'random' and 'random_from_data' draw their first responsibilities from the seed, and EM from there agrees with scikit-learn's", () => {
    for (const c of fx.fromResponsibilities) {
      const gm = new GaussianMixture({ nComponents: 3, covarianceType: c.covarianceType as CovarianceType, initParams: c.initParams as 'random', seed: c.seed }).fit(c.X);
      expectFittedLike(gm, c, 1e-6);
    }
  });
});

describe('GaussianMixture: properties EM guarantees', () => {
  const c = fx.given[0];

  it('the lower bound never falls from one E-step to the next (EM increases the likelihood)', () => {
    for (const type of ['full', 'diag', 'spherical'] as const) {
      for (const initParams of ['kmeans', 'k-means++', 'random', 'random_from_data'] as const) {
        const bounds = [...new GaussianMixture({ nComponents: 4, covarianceType: type, initParams, seed: 3, tol: 1e-8 }).steps(c.X)]
          .filter((s: GaussianMixtureStep) => s.phase === 'e').map((s) => s.lowerBound);
        expect(bounds.length, `${type} ${initParams}`).toBeGreaterThan(2);
        for (let t = 1; t < bounds.length; t++) expect(bounds[t], `${type} ${initParams} iteration ${t + 1}`).toBeGreaterThanOrEqual(bounds[t - 1] - 1e-12);
      }
    }
  });

  it('fit keeps the best of nInit runs, and steps() is the first run of fit', () => {
    const single = new GaussianMixture({ nComponents: 4, initParams: 'random_from_data', seed: 1 }).fit(c.X);
    const stepped = new GaussianMixture({ nComponents: 4, initParams: 'random_from_data', seed: 1 });
    const steps = [...stepped.steps(c.X)];
    expect(stepped.means).toEqual(single.means);
    expect(steps.at(-1)!.means).toEqual(single.means);
    const best = new GaussianMixture({ nComponents: 4, initParams: 'random_from_data', seed: 1, nInit: 6 }).fit(c.X);
    expect(best.lowerBound!).toBeGreaterThanOrEqual(single.lowerBound!);
  });

  it('sample draws from the fitted mixture: component shares near the weights, sample means and covariances near the parameters, the same rows for the same seed', () => {
    const gm = givenModel(c).fit(c.X);
    const { X, y } = gm.sample(30_000, 4);
    expect(X).toHaveLength(30_000);
    expect(y).toEqual([...y].sort((a, b) => a - b));
    for (let k = 0; k < 3; k++) {
      const rows = X.filter((_, i) => y[i] === k);
      expect(Math.abs(rows.length / X.length - gm.weights![k])).toBeLessThan(0.015);
      const mean = [0, 1].map((f) => rows.reduce((s, r) => s + r[f], 0) / rows.length);
      expectClose(mean, gm.means![k], 0.05, `component ${k} sample mean`);
      const cov = [0, 1].map((a) => [0, 1].map((b) => rows.reduce((s, r) => s + (r[a] - mean[a]) * (r[b] - mean[b]), 0) / rows.length));
      expectClose(cov, (gm.covariances as number[][][])[k], 0.08, `component ${k} sample covariance`);
    }
    expect(gm.sample(5, 9)).toEqual(gm.sample(5, 9));
    const spherical = new GaussianMixture({ nComponents: 2, covarianceType: 'spherical' }).fit(c.X).sample(20_000, 1);
    expect(spherical.X).toHaveLength(20_000);
  });

  it('nParameters counts means, covariances and weights as scikit-learn does, so bic = −2·n·score + p·log n', () => {
    const counts = { full: 3 * 3 + 6 + 2, diag: 3 * 2 + 6 + 2, spherical: 3 + 6 + 2 };
    for (const type of ['full', 'diag', 'spherical'] as const) {
      const gm = new GaussianMixture({ nComponents: 3, covarianceType: type }).fit(c.X);
      expect(gm.nParameters()).toBe(counts[type]);
      const n = c.X.length;
      expect(gm.bic(c.X)).toBeCloseTo(-2 * n * gm.score(c.X) + counts[type] * Math.log(n), 9);
      expect(gm.aic(c.X)).toBeCloseTo(-2 * n * gm.score(c.X) + 2 * counts[type], 9);
    }
  });
});

describe('GaussianMixture: bad input gets a message naming what and where', () => {
  const X = fx.given[0].X;
  const cases: [string, () => unknown, RegExp][] = [
    ['nComponents', () => new GaussianMixture({ nComponents: 0 }).fit(X), /GaussianMixture\.fit: nComponents must be an integer ≥ 1/],
    ['too many components', () => new GaussianMixture({ nComponents: 5 }).fit(X.slice(0, 3)), /nComponents = 5 is more than the 3 rows of X/],
    ['covarianceType', () => new GaussianMixture({ covarianceType: 'tied' as 'full' }).fit(X), /covarianceType/],
    ['initParams', () => new GaussianMixture({ initParams: 'kmeans++' as 'kmeans' }).fit(X), /initParams/],
    ['weightsInit sum', () => new GaussianMixture({ nComponents: 2, weightsInit: [0.5, 0.6] }).fit(X), /weightsInit must sum to 1, got 1\.1/],
    ['meansInit shape', () => new GaussianMixture({ nComponents: 2, meansInit: [[0, 0], [1]] }).fit(X), /meansInit\[1\] must be 2 finite numbers/],
    ['precisionsInit', () => new GaussianMixture({ nComponents: 1, precisionsInit: [[[1, 2], [2, 1]]] }).fit(X), /precisionsInit\[0\] must be symmetric and positive definite/],
    ['collapsed component', () => new GaussianMixture({ nComponents: 2, regCovar: 0, meansInit: [[0, 0], [1, 1]], initParams: 'random_from_data' }).fit([[0, 0], [0, 0], [0, 0]]), /ill-defined empirical covariance/],
    ['not fitted', () => new GaussianMixture().predict(X), /GaussianMixture\.predict: this estimator is not fitted yet/],
    ['features', () => new GaussianMixture().fit(X).predictProba([[1, 2, 3]]), /X has 3 features but the model was fitted on 2/],
  ];
  for (const [what, call, message] of cases) it(`${what}`, () => expect(call).toThrow(message));
});
