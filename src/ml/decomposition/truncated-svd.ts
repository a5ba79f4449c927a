import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { checkFitted, checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';

export interface TruncatedSVDParams {
  /** How many singular directions to keep. */
  nComponents: number;
}

/**
 * Truncated SVD, as scikit-learn's TruncatedSVD: X ≈ U_k Σ_k V_kᵀ, keeping the k largest singular
 * values. Unlike PCA it does not centre X, so it works on TF-IDF matrices as they are; on a
 * TF-IDF matrix it is latent semantic analysis (LSA): words that occur in the same documents load
 * on the same components, so two texts can be close without sharing a word. Computed exactly from
 * the eigen-decomposition of the smaller Gram matrix (see fit), which suits the small matrices of
 * the notebooks: a few dozen chunks by a few hundred words takes milliseconds.
 */
export class TruncatedSVD {
  readonly params: Readonly<TruncatedSVDParams>;
  /** V_kᵀ: one row per component, one column per feature, after fit. */
  components?: number[][];
  /** σ_1 ≥ … ≥ σ_k, after fit. */
  singularValues?: number[];

  constructor(params: Partial<TruncatedSVDParams> = {}) {
    this.params = { nComponents: 2, ...params };
  }

  /** Learns the top k right singular vectors of X. */
  fit(X: MatrixLike): this {
    const where = 'TruncatedSVD.fit';
    const rows = toRows(X, where);
    const k = this.params.nComponents;
    checkPositiveInt(k, where, 'nComponents');
    const rank = Math.min(rows.length, rows[0].length);
    if (k > rank) fail(where, `nComponents = ${k} is more than min(n_samples, n_features) = ${rank}`);
    // The smaller Gram matrix has the squared singular values as eigenvalues: XᵀX = VΣ²Vᵀ (d × d)
    // when there are at least as many rows as columns, else XXᵀ = UΣ²Uᵀ (n × n), and then
    // V = XᵀUΣ⁻¹. A TF-IDF matrix of 40 chunks × 300 words is decomposed as 40 × 40.
    const x = new Matrix(rows);
    const xt = x.transpose();
    const wide = rows.length < rows[0].length;
    const gram = wide ? x.mmul(xt) : xt.mmul(x);
    const evd = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
    const order = evd.realEigenvalues.map((_, i) => i).sort((a, b) => evd.realEigenvalues[b] - evd.realEigenvalues[a]).slice(0, k);
    // σ = √λ; rounding can leave an eigenvalue of a rank-deficient X at −1e-17.
    const sigmas = order.map((i) => Math.sqrt(Math.max(evd.realEigenvalues[i], 0)));
    if (sigmas[k - 1] <= 1e-10 * sigmas[0]) fail(where, `X has fewer than nComponents = ${k} non-zero singular values; ask for fewer components`);
    const vectors = order.map((i) => evd.eigenvectorMatrix.getColumn(i));
    this.singularValues = sigmas;
    this.components = vectors.map((u, c) => flipSign(wide ? xt.mmul(Matrix.columnVector(u)).getColumn(0).map((v) => v / sigmas[c]) : u));
    return this;
  }

  /** Coordinates of rows in the component space: X V_k (for the fitted X this is U_k Σ_k). */
  transform(X: MatrixLike): number[][] {
    const components = checkFitted(this.components, 'TruncatedSVD.transform');
    const rows = toRows(X, 'TruncatedSVD.transform');
    if (rows[0].length !== components[0].length) fail('TruncatedSVD.transform', `X rows have ${rows[0].length} features, the fit had ${components[0].length}`);
    return rows.map((x) => components.map((v) => {
      let dot = 0;
      for (let j = 0; j < x.length; j++) dot += x[j] * v[j];
      return dot;
    }));
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }
}

/** Singular vectors are defined up to sign; the entry of largest magnitude in each component is made positive (scikit-learn's svd_flip on Vᵀ). */
function flipSign(v: number[]): number[] {
  let at = 0;
  for (let f = 1; f < v.length; f++) if (Math.abs(v[f]) > Math.abs(v[at])) at = f;
  return v[at] < 0 ? v.map((x) => -x) : v;
}
