import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { fail, toRows, type MatrixLike } from '../core/validate.ts';

/** The best rank-r approximation of a matrix, in the SVD's own terms. */
export interface TruncatedSvd {
  /** The r leading left singular vectors, as the columns of a d × r matrix. */
  U: number[][];
  /** The r leading singular values σ₁ ≥ … ≥ σᵣ. */
  singularValues: number[];
  /** The r leading right singular vectors, as the columns of a k × r matrix. */
  V: number[][];
  /** U diag(σ) Vᵀ: the closest rank-r matrix to M, in the Frobenius and the spectral norm. */
  approximation: number[][];
  /** ‖M − approximation‖_F = √(σ²ᵣ₊₁ + … + σ²ₙ). */
  error: number;
}

function svdOf(M: MatrixLike, where: string): SingularValueDecomposition {
  const rows = toRows(M, where, { name: 'M' });
  // autoTranspose: a wide matrix is decomposed as its transpose, which ml-matrix requires.
  return new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true });
}

/** All singular values of M, largest first (min(d, k) of them). */
export function singularValues(M: MatrixLike): number[] {
  return svdOf(M, 'singularValues').diagonal;
}

/**
 * ‖M − Mᵣ‖_F for the best rank-r approximation Mᵣ, from M's singular values alone: by
 * Eckart–Young it is the energy of the singular values that are dropped, √(Σᵢ₌ᵣ₊₁ σᵢ²).
 */
export function eckartYoungError(sigma: readonly number[], rank: number): number {
  if (!Number.isInteger(rank) || rank < 0) fail('eckartYoungError', `rank must be a whole number ≥ 0, got ${rank}`);
  let dropped = 0;
  for (let i = rank; i < sigma.length; i++) dropped += sigma[i] * sigma[i];
  return Math.sqrt(dropped);
}

/**
 * Truncated SVD: keep the r largest singular values and their vectors. Eckart–Young: no matrix
 * of rank ≤ r is closer to M, so this is the floor any rank-r update (LoRA's BA included) can reach.
 */
export function truncatedSvd(M: MatrixLike, rank: number): TruncatedSvd {
  const svd = svdOf(M, 'truncatedSvd');
  const sigma = svd.diagonal;
  if (!Number.isInteger(rank) || rank < 1 || rank > sigma.length) {
    fail('truncatedSvd', `rank must be a whole number from 1 to min(d, k) = ${sigma.length}, got ${rank}`);
  }
  const U = svd.leftSingularVectors.subMatrix(0, svd.leftSingularVectors.rows - 1, 0, rank - 1);
  const V = svd.rightSingularVectors.subMatrix(0, svd.rightSingularVectors.rows - 1, 0, rank - 1);
  const kept = sigma.slice(0, rank);
  // Mᵣ = Σᵢ σᵢ uᵢ vᵢᵀ = (U diag(σ)) Vᵀ
  const approximation = U.clone().mulRowVector(kept).mmul(V.transpose()).to2DArray();
  return { U: U.to2DArray(), singularValues: kept, V: V.to2DArray(), approximation, error: eckartYoungError(sigma, rank) };
}
