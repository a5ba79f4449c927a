import { toDense, type DenseLike } from '../core/dense-input.ts';
import { columnMeans } from '../core/dense.ts';
import { checkFitted, checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';
import { covarianceOfRows } from './covariance-kernel.ts';
import { symmetricEigen } from './pca-steps.ts';

export interface PCAParams {
  /**
   * How many components to keep: an integer, a fraction in (0, 1) of the variance to explain
   * (the fewest components that explain more than it), or undefined for min(n, d).
   */
  nComponents: number | undefined;
  /** Scale the projections to unit variance. */
  whiten: boolean;
}

const defaults: PCAParams = { nComponents: undefined, whiten: false };

/**
 * Principal component analysis: the directions of largest variance, found as the eigenvectors
 * of the covariance matrix C = X_cᵀX_c/(n−1) (center → covariance → eigen-decomposition).
 */
export class PCA {
  readonly params: Readonly<PCAParams>;
  components?: number[][];
  explainedVariance?: number[];
  explainedVarianceRatio?: number[];
  singularValues?: number[];
  mean?: number[];
  nComponents?: number;
  /** The average variance of the discarded directions (scikit-learn's noise_variance_). */
  noiseVariance?: number;

  constructor(params: Partial<PCAParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  /** Learns the mean and the principal axes of X (rows, a Matrix or a Dense). */
  fit(X: DenseLike): this {
    // Only read below, so a Dense input is not copied.
    const x = toDense(X, 'PCA.fit', { copy: false });
    if (x.rows < 2) fail('PCA.fit', 'needs at least 2 rows');
    // center → covariance → eigen-decomposition; the centering happens inside the covariance pass.
    const mean = columnMeans(x);
    const { values, vectors } = symmetricEigen(covarianceOfRows(x, mean));
    const rank = Math.min(x.rows, x.cols);
    // Eigenvalues of a covariance are ≥ 0; rounding can leave the smallest at −1e-17.
    const variances = values.slice(0, rank).map((v) => Math.max(v, 0));
    const total = values.reduce((s, v) => s + Math.max(v, 0), 0);
    const k = this.componentCount(variances, total, rank);
    this.mean = Array.from(mean);
    this.components = vectors.slice(0, k).map(flipSign);
    this.explainedVariance = variances.slice(0, k);
    this.explainedVarianceRatio = this.explainedVariance.map((v) => v / total);
    // σ_k² = (n − 1) λ_k: the singular values of X_c.
    this.singularValues = this.explainedVariance.map((v) => Math.sqrt(v * (x.rows - 1)));
    this.nComponents = k;
    const rest = variances.slice(k);
    this.noiseVariance = k < rank && rest.length > 0 ? rest.reduce((s, v) => s + v, 0) / rest.length : 0;
    return this;
  }

  /** Projects X onto the components: Z = (X − μ) Vᵀ (divided by √λ when whitening). */
  transform(X: MatrixLike): number[][] {
    const components = checkFitted(this.components, 'PCA.transform');
    const mean = this.mean!;
    const rows = toRows(X, 'PCA.transform');
    if (rows[0].length !== mean.length) fail('PCA.transform', `X has ${rows[0].length} features but PCA was fitted on ${mean.length}`);
    const scale = this.params.whiten ? this.explainedVariance!.map((v) => 1 / Math.sqrt(v)) : components.map(() => 1);
    return rows.map((row) => components.map((v, k) => v.reduce((s, vf, f) => s + vf * (row[f] - mean[f]), 0) * scale[k]));
  }

  /** Fits, then projects the training rows. */
  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }

  /** Maps projections back to the original space: X̂ = Z V + μ (exact when every component is kept). */
  inverseTransform(Z: MatrixLike): number[][] {
    const components = checkFitted(this.components, 'PCA.inverseTransform');
    const mean = this.mean!;
    const rows = toRows(Z, 'PCA.inverseTransform', { name: 'Z' });
    if (rows[0].length !== components.length) fail('PCA.inverseTransform', `Z has ${rows[0].length} columns but PCA keeps ${components.length} components`);
    const scale = this.params.whiten ? this.explainedVariance!.map((v) => Math.sqrt(v)) : components.map(() => 1);
    return rows.map((z) => mean.map((m, f) => components.reduce((s, v, k) => s + z[k] * scale[k] * v[f], m)));
  }

  private componentCount(variances: number[], total: number, rank: number): number {
    const n = this.params.nComponents;
    if (n === undefined) return rank;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) fail('PCA.fit', `nComponents must be a positive integer, a fraction in (0, 1) or undefined, got ${n}`);
    if (n < 1) {
      // The fewest components whose cumulative ratio exceeds the fraction (scikit-learn's rule).
      let cumulative = 0;
      for (let k = 0; k < variances.length; k++) {
        cumulative += variances[k] / total;
        if (cumulative > n) return k + 1;
      }
      return rank;
    }
    checkPositiveInt(n, 'PCA.fit', 'nComponents');
    if (n > rank) fail('PCA.fit', `nComponents = ${n} is more than min(n_samples, n_features) = ${rank}`);
    return n;
  }
}

/** scikit-learn's svd_flip on Vᵀ: the entry of largest magnitude in each component is made positive. */
function flipSign(v: number[]): number[] {
  let at = 0;
  for (let f = 1; f < v.length; f++) if (Math.abs(v[f]) > Math.abs(v[at])) at = f;
  return v[at] < 0 ? v.map((x) => -x) : v;
}
