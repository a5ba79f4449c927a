import { fail } from '../core/validate.ts';
import { erf } from '../neural/erf.ts';

export interface ExpectedImprovementOptions {
  /** How much better than `best` counts as an improvement (exploration margin ξ; default 0). */
  xi: number;
  /** True when larger values are better (a score); default false (a loss). */
  maximize: boolean;
}

/**
 * Expected improvement over `best` under a Gaussian posterior N(μ, σ²) at each point:
 * with I = best − μ − ξ (minimising; μ − best − ξ maximising) and Z = I/σ,
 * EI = I·Φ(Z) + σ·φ(Z). Where σ = 0 it is max(I, 0), the limit as σ → 0.
 * @example const ei = expectedImprovement(gp.predict(grid, { returnStd: true }), Math.min(...ys))
 */
export function expectedImprovement(
  posterior: { mean: readonly number[]; std: readonly number[] },
  best: number,
  options: Partial<ExpectedImprovementOptions> = {},
): number[] {
  const where = 'expectedImprovement';
  const { xi = 0, maximize = false } = options;
  const { mean, std } = posterior ?? {};
  if (!Array.isArray(mean) || !Array.isArray(std)) fail(where, 'posterior must be { mean, std } arrays, e.g. gp.predict(X, { returnStd: true })');
  if (mean.length !== std.length) fail(where, `posterior.mean has ${mean.length} values but posterior.std has ${std.length}; they must match`);
  if (typeof best !== 'number' || !Number.isFinite(best)) fail(where, `best must be a finite number, got ${String(best)}`);
  if (!(xi >= 0)) fail(where, `xi must be ≥ 0, got ${String(xi)}`);
  return mean.map((mu, i) => {
    const sigma = std[i];
    if (!(sigma >= 0)) fail(where, `posterior.std[${i}] is ${sigma}; standard deviations must be ≥ 0`);
    const improvement = (maximize ? mu - best : best - mu) - xi;
    if (sigma === 0) return Math.max(improvement, 0);
    const z = improvement / sigma;
    const cdf = 0.5 * (1 + erf(z / Math.SQRT2));
    const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    return improvement * cdf + sigma * pdf;
  });
}
