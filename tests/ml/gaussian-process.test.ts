import { describe, expect, it } from 'vitest';
import { BayesianOptimizer, ConstantKernel, GaussianProcessRegressor, Matern, RBF, WhiteKernel, expectedImprovement, type Kernel } from '../../src/ml/index.ts';
import fx from './fixtures/gaussian-process.json' with { type: 'json' };
import { expectClose } from './fixtures/expect-close.ts';

type Spec = { kind: string; lengthScale: number | number[]; constant: number; nu?: number; white?: number };

/** The kernel a fixture case describes, built from our classes. */
function kernelOf(spec: Spec): Kernel {
  const base = spec.kind === 'rbf' ? new RBF({ lengthScale: spec.lengthScale }) : new Matern({ lengthScale: spec.lengthScale, nu: spec.nu as 0.5 | 1.5 | 2.5 });
  const scaled = new ConstantKernel({ constantValue: spec.constant }).times(base);
  return spec.white === undefined ? scaled : scaled.plus(new WhiteKernel({ noiseLevel: spec.white }));
}

const dataOf = (which: string) => (which === '1d' ? { X: fx.X1, y: fx.y1, T: fx.T1 } : { X: fx.X2, y: fx.y2, T: fx.T2 });

describe("GaussianProcessRegressor against scikit-learn's (optimizer=None, make_gaussian_process.py)", () => {
  it('posterior mean, std and covariance, K⁻¹y and the log marginal likelihood agree for RBF, Matérn ν = 0.5, 1.5, 2.5, anisotropic, white noise, normalizeY and per-row alpha', () => {
    for (const ref of fx.posteriors) {
      const { X, y, T } = dataOf(ref.data);
      const gp = new GaussianProcessRegressor({ kernel: kernelOf(ref.kernel as Spec), optimizer: null, ...ref.options }).fit(X, y);
      const { mean, std } = gp.predict(T, { returnStd: true });
      expectClose(mean, ref.mean, 1e-7, `${ref.name} mean`);
      expectClose(std, ref.std, 1e-7, `${ref.name} std`);
      expectClose(gp.predict(T.slice(0, 6), { returnCov: true }).cov, ref.cov, 1e-7, `${ref.name} cov`);
      expectClose(gp.predict(T), ref.mean, 1e-7, `${ref.name} predict`);
      expectClose(gp.alphaVector, ref.alphaVector, 1e-6, `${ref.name} alpha_`);
      expectClose(gp.logMarginalLikelihoodValue, ref.logMarginalLikelihood, 1e-8, `${ref.name} log marginal likelihood`);
      expect(gp.kernel.toString(), ref.name).toBe(ref.repr);
    }
  });

  it("with optimizer 'lbfgs' (the default) it fits the free hyperparameters to scikit-learn's optimum of the log marginal likelihood", () => {
    for (const ref of fx.fittedKernels) {
      const { X, y, T } = dataOf(ref.data);
      const prior = kernelOf(ref.kernel as Spec);
      const gp = new GaussianProcessRegressor({ kernel: prior, ...ref.options }).fit(X, y);
      expectClose(gp.kernel.theta, ref.theta, 1e-4, `${ref.name} theta`);
      expectClose(gp.kernel.theta, ref.sklearnTheta, 1e-4, `${ref.name} theta against scikit-learn's own stop`);
      expectClose(gp.logMarginalLikelihoodValue, ref.logMarginalLikelihood, 1e-9, `${ref.name} log marginal likelihood`);
      expect(gp.kernel.toString(), ref.name).toBe(ref.repr);
      const { mean, std } = gp.predict(T, { returnStd: true });
      expectClose(mean, ref.mean, 1e-4, `${ref.name} mean`);
      expectClose(std, ref.std, 1e-4, `${ref.name} std`);
      // The evidence at the starting hyperparameters, through logMarginalLikelihood(theta)
      expectClose(gp.logMarginalLikelihood(prior.theta), ref.startLogMarginalLikelihood, 1e-10, `${ref.name} start`);
      expect(gp.logMarginalLikelihood()).toBe(gp.logMarginalLikelihoodValue);
    }
  });

  it("keeps 'fixed' hyperparameters and the default kernel as given", () => {
    const fixed = new ConstantKernel({ constantValue: 2, constantValueBounds: 'fixed' }).times(new RBF({ lengthScale: 0.5 }));
    expect(fixed.theta).toEqual([Math.log(0.5)]);
    const gp = new GaussianProcessRegressor({ kernel: fixed }).fit(fx.X1, fx.y1);
    expect((gp.kernel as unknown as { k1: ConstantKernel }).k1.constantValue).toBe(2);
    expect(new GaussianProcessRegressor().fit(fx.X1, fx.y1).kernel.toString()).toBe('1**2 * RBF(length_scale=1)');
    expect(() => new RBF({ lengthScaleBounds: [2, 1] })).toThrow('RBF: lengthScaleBounds must be \'fixed\' or [low, high] with 0 < low < high, got [2,1]');
    expect(() => new GaussianProcessRegressor().logMarginalLikelihood()).toThrow('GaussianProcessRegressor.logMarginalLikelihood: this estimator is not fitted yet');
  });

  it('before fit, predict gives the prior: mean 0 and std √k(x, x)', () => {
    for (const ref of fx.posteriors) {
      const { T } = dataOf(ref.data);
      const prior = new GaussianProcessRegressor({ kernel: kernelOf(ref.kernel as Spec), ...ref.options }).predict(T.slice(0, 4), { returnStd: true });
      expectClose(prior.mean, ref.priorMean, 1e-12, `${ref.name} prior mean`);
      expectClose(prior.std, ref.priorStd, 1e-12, `${ref.name} prior std`);
    }
  });

  it('interpolates noise-free data: at the training points the mean is y and the std about 0', () => {
    const gp = new GaussianProcessRegressor({ kernel: new Matern({ nu: 2.5, lengthScale: 1 }), optimizer: null }).fit(fx.X1, fx.y1);
    const at = gp.predict(fx.X1, { returnStd: true });
    expectClose(at.mean, fx.y1, 1e-6, 'mean');
    expect(Math.max(...at.std)).toBeLessThan(1e-3);
    expect(gp.score(fx.X1, fx.y1)).toBeGreaterThan(0.999999);
  });

  it('rejects bad kernels and inputs with messages naming them', () => {
    expect(() => new RBF({ lengthScale: 0 })).toThrow('RBF: lengthScale must be a positive number or an array of them (one per feature), got 0');
    expect(() => new Matern({ nu: 2 as 1.5 })).toThrow('Matern: nu must be 0.5, 1.5 or 2.5, got 2');
    expect(() => new GaussianProcessRegressor({ kernel: new RBF({ lengthScale: [1, 2, 3] }) }).fit(fx.X2, fx.y2)).toThrow('RBF: lengthScale has 3 values but the points have 2 features');
    expect(() => new GaussianProcessRegressor({ alpha: 0 }).fit([[1], [1]], [0, 1])).toThrow('GaussianProcessRegressor.fit: the kernel 1**2 * RBF(length_scale=1) does not give a positive definite K(X, X) + αI; increase alpha');
    const gp = new GaussianProcessRegressor().fit(fx.X1, fx.y1);
    expect(() => gp.predict(fx.X2)).toThrow('GaussianProcessRegressor.predict: X has 2 features but the model was fitted on 1');
  });
});

describe('expectedImprovement against scipy.stats.norm', () => {
  const ref = fx.expectedImprovement;

  it('EI = I·Φ(I/σ) + σ·φ(I/σ) on a posterior, minimising and maximising, with and without ξ', () => {
    for (const c of ref.cases) {
      expectClose(expectedImprovement({ mean: ref.mean, std: ref.std }, c.best, { xi: c.xi, maximize: c.maximize }), c.value, 1e-12, JSON.stringify(c.best));
    }
  });

  it('is max(I, 0) where σ = 0, and never negative', () => {
    expect(expectedImprovement({ mean: ref.zeroStd.mean, std: ref.zeroStd.std }, ref.zeroStd.best)).toEqual(ref.zeroStd.value);
    expect(Math.min(...expectedImprovement({ mean: ref.mean, std: ref.std }, -100))).toBeGreaterThanOrEqual(0);
  });

  it('rejects mismatched or negative inputs', () => {
    expect(() => expectedImprovement({ mean: [0, 1], std: [1] }, 0)).toThrow('expectedImprovement: posterior.mean has 2 values but posterior.std has 1');
    expect(() => expectedImprovement({ mean: [0], std: [-1] }, 0)).toThrow('expectedImprovement: posterior.std[0] is -1');
    expect(() => expectedImprovement({ mean: [0], std: [1] }, NaN)).toThrow('expectedImprovement: best must be a finite number, got NaN');
  });
});

describe('BayesianOptimizer against the same loop written with scikit-learn and scipy', () => {
  for (const [name, ref] of Object.entries(fx.bayesianOptimizer)) {
    it(`${name}: chooses the same points, one evaluation per step, with the same expected improvement`, () => {
      const f = name === 'branin'
        ? (x: number[]) => {
          const b = 5.1 / (4 * Math.PI ** 2), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
          return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
        : (x: number[]) => Math.sin(x[0]) * x[0];
      const opt = new BayesianOptimizer({
        bounds: ref.bounds as [number, number][], nInitial: ref.nInitial, nCandidates: ref.nCandidates, xi: ref.xi, seed: ref.seed, alpha: ref.alpha,
        maximize: 'maximize' in ref ? ref.maximize : false,
      });
      const steps = [...opt.steps(f, ref.nIter)];
      expect(steps.length).toBe(ref.nIter);
      steps.forEach((s, k) => {
        expect(s.iteration).toBe(k);
        expectClose(s.x, ref.X[k], 1e-12, `x at step ${k}`);
        expectClose(s.y, ref.y[k], 1e-9, `y at step ${k}`);
        const e = ref.expectedImprovement[k];
        if (e === null) {
          expect(s.gp).toBeUndefined();
          expect(s.expectedImprovement).toBeNaN();
        } else {
          expect(s.gp).toBeInstanceOf(GaussianProcessRegressor);
          expect(s.gp!.XTrain!.length).toBe(k);
          expectClose(s.expectedImprovement, e, 1e-6, `EI at step ${k}`);
        }
      });
      const pick = ('maximize' in ref && ref.maximize ? Math.max : Math.min)(...ref.y);
      expectClose(opt.best!.x, ref.X[ref.y.indexOf(pick)], 1e-12, 'best x');
      expect(steps.at(-1)!.best).toEqual(opt.best);
    });
  }

  it('ask/tell can be driven by hand, and bad options or values are refused', () => {
    const opt = new BayesianOptimizer({ bounds: [[0, 1]], nInitial: 2 });
    for (let k = 0; k < 4; k++) {
      const x = opt.ask();
      expect(x[0]).toBeGreaterThanOrEqual(0);
      expect(x[0]).toBeLessThan(1);
      opt.tell(x, (x[0] - 0.3) ** 2);
    }
    expect(opt.y.length).toBe(4);
    expect(() => new BayesianOptimizer({ bounds: [[1, 0]] })).toThrow('BayesianOptimizer: bounds[0] must be [low, high] with low < high, got [1,0]');
    expect(() => new BayesianOptimizer({ bounds: [[0, 1]], nInitial: 0 })).toThrow('BayesianOptimizer: nInitial must be an integer ≥ 1, got 0');
    expect(() => opt.tell([0.5], NaN)).toThrow('BayesianOptimizer.tell: the objective returned NaN at x = [0.5]; it must return a finite number');
    expect(() => opt.tell([0.5, 1], 0)).toThrow('BayesianOptimizer.tell: x must have 1 coordinates, got [0.5,1]');
  });
});
