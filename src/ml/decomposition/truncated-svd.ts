import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { checkFitted, checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';

export interface TruncatedSVDParams {
  /** How many singular directions to keep. */
  nComponents: number;
}

/**
 * Truncated SVD, as scikit-learn's TruncatedSVD: X ≈ U_k Σ_k V_kᵀ, keeping the k largest singular
 * values. Unlike PCA it does not centre X, so it works on TF-IDF matrices as they are; on a
 * TF-IDF matrix it is latent semantic analysis (LSA): words that occur in the same documents load
 * on the same components, so two texts can be close without sharing a word. Computed exactly
 * (ml-matrix's SVD), which suits the small matrices of the notebooks.
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
    const svd = new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true, computeLeftSingularVectors: false });
    const V = svd.rightSingularVectors;
    // Singular values come sorted, largest first; component c is column c of V.
    this.singularValues = svd.diagonal.slice(0, k);
    this.components = Array.from({ length: k }, (_, c) => flipSign(V.getColumn(c)));
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
