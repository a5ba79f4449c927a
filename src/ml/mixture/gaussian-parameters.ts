import { cholesky, solveLower } from '../gaussian-process/cholesky.ts';
import { assertUnreachable, fail } from '../core/validate.ts';

export type CovarianceType = 'full' | 'diag' | 'spherical';

/**
 * Covariances in scikit-learn's shapes: 'full' one d×d matrix per component, 'diag' one vector of
 * d variances per component, 'spherical' one variance per component.
 */
export type Covariances = number[][][] | number[][] | number[];

/** The parameters of a mixture at one moment of EM. */
export interface MixtureParameters {
  weights: number[];
  means: number[][];
  /** In scikit-learn's shape for the covariance type (see Covariances). */
  covariances: Covariances;
  /** One d×d matrix Pc per component with precision P = Σ⁻¹ = Pc·Pcᵀ, whatever the covariance type. */
  precisionCholesky: number[][][];
}

const tiny = 10 * 2.220446049250313e-16; // scikit-learn adds 10·ε to every Nₖ so no division by 0

/**
 * The M-step formulas: from responsibilities r (n × k), Nₖ = Σᵢ rᵢₖ, μₖ = Σᵢ rᵢₖ xᵢ / Nₖ and the
 * covariances Σₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ + regCovar·I (only their diagonal for 'diag',
 * the mean of it for 'spherical'). Returns Nₖ (not yet divided by n), the means and covariances.
 */
export function estimateGaussianParameters(X: number[][], resp: number[][], regCovar: number, type: CovarianceType) {
  const n = X.length, d = X[0].length, k = resp[0].length;
  const nk = new Array<number>(k).fill(tiny);
  const means = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const r = resp[i][j];
      nk[j] += r;
      for (let f = 0; f < d; f++) means[j][f] += r * X[i][f];
    }
  }
  for (let j = 0; j < k; j++) for (let f = 0; f < d; f++) means[j][f] /= nk[j];
  // Σₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ, each matrix full; the other types keep part of it.
  const full = means.map(() => Array.from({ length: d }, () => new Array<number>(d).fill(0)));
  const diff = new Array<number>(d);
  for (let j = 0; j < k; j++) {
    const mu = means[j], cov = full[j];
    for (let i = 0; i < n; i++) {
      const r = resp[i][j];
      for (let f = 0; f < d; f++) diff[f] = X[i][f] - mu[f];
      for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[a][b] += r * diff[a] * diff[b];
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b <= a; b++) cov[b][a] = cov[a][b] /= nk[j];
      cov[a][a] += regCovar;
    }
  }
  let covariances: Covariances;
  if (type === 'full') covariances = full;
  else if (type === 'diag') covariances = full.map((cov) => cov.map((row, f) => row[f]));
  else if (type === 'spherical') covariances = full.map((cov) => cov.reduce((s, row, f) => s + row[f], 0) / d);
  else assertUnreachable(type);
  return { nk, means, covariances };
}

const illDefined =
  'some components have ill-defined empirical covariance (for instance caused by singleton or collapsed samples); ' +
  'try fewer components, or a larger regCovar';

/** Pc with Σ⁻¹ = Pc·Pcᵀ for each component: (L⁻¹)ᵀ for Σ = L·Lᵀ, or 1/σ on the diagonal. */
export function precisionCholesky(covariances: Covariances, type: CovarianceType, d: number, where: string): number[][][] {
  return covariances.map((cov: number | number[] | number[][]) => {
    if (type === 'full') {
      const L = cholesky(cov as number[][]);
      if (L === null) fail(where, illDefined);
      // Column c of L⁻¹ solves L·x = e_c; Pc = (L⁻¹)ᵀ, so row c of Pc is that column.
      return Array.from({ length: d }, (_, c) => Array.from(solveLower(L, unit(d, c))));
    }
    const variances = type === 'diag' ? (cov as number[]) : new Array<number>(d).fill(cov as number);
    if (variances.some((v) => !(v > 0))) fail(where, illDefined);
    return diagonal(variances.map((v) => 1 / Math.sqrt(v)));
  });
}

/**
 * log N(xᵢ | μₖ, Σₖ) for every row and component (n × k):
 * −½ (d log 2π + ‖Pcₖᵀ(xᵢ − μₖ)‖²) + Σ log diag(Pcₖ), since log det Σₖ⁻¹ = 2 Σ log diag(Pcₖ).
 */
export function logGaussianDensities(X: number[][], means: number[][], precChol: number[][][]): number[][] {
  const d = X[0].length, k = means.length;
  const logDet = precChol.map((Pc) => Pc.reduce((s, row, f) => s + Math.log(row[f]), 0));
  const constant = d * Math.log(2 * Math.PI);
  const diff = new Array<number>(d);
  return X.map((x) => {
    const out = new Array<number>(k);
    for (let j = 0; j < k; j++) {
      const mu = means[j], Pc = precChol[j];
      for (let f = 0; f < d; f++) diff[f] = x[f] - mu[f];
      // Mahalanobis distance² = Σ_b (Σ_a (x − μ)_a Pc[a][b])²
      let mahalanobis = 0;
      for (let b = 0; b < d; b++) {
        let y = 0;
        for (let a = 0; a < d; a++) y += diff[a] * Pc[a][b];
        mahalanobis += y * y;
      }
      out[j] = -0.5 * (constant + mahalanobis) + logDet[j];
    }
    return out;
  });
}

/** log Σⱼ exp(vⱼ), shifted by the largest value so nothing overflows. */
export function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

function unit(d: number, c: number): number[] {
  return Array.from({ length: d }, (_, f) => (f === c ? 1 : 0));
}

function diagonal(values: number[]): number[][] {
  return values.map((v, a) => values.map((_, b) => (a === b ? v : 0)));
}
