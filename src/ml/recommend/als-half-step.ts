import { fail } from '../core/validate.ts';

/**
 * One half of an alternating-least-squares sweep. With the other side's factors held fixed, each
 * row's factor vector is a small ridge regression on the ratings that row has:
 *
 *   x_u = (Σ_{i ∈ I_u} y_i y_iᵀ + λ I)⁻¹ Σ_{i ∈ I_u} (r_ui − μ) y_i
 *
 * `ratings` is rows × columns with NaN where missing; pass the transposed matrix to solve the
 * columns (items). A row without ratings gets the zero vector (it then predicts μ).
 */
export function alsHalfStep(ratings: readonly (readonly number[])[], fixedFactors: readonly (readonly number[])[], lambda: number, mean: number): number[][] {
  return ratings.map((row) => {
    const rated: number[] = [];
    const values: number[] = [];
    row.forEach((r, i) => { if (!Number.isNaN(r)) { rated.push(i); values.push(r); } });
    return solveFactorFromRatings(rated, values, fixedFactors, lambda, mean);
  });
}

/**
 * The ridge solution for one row from its rated columns and ratings (also how a new user with a few
 * ratings is folded into a trained model without retraining).
 */
export function solveFactorFromRatings(rated: readonly number[], values: readonly number[], fixedFactors: readonly (readonly number[])[], lambda: number, mean: number): number[] {
  const k = fixedFactors[0]?.length ?? 0;
  // A = Σ y_i y_iᵀ + λI and b = Σ (r − μ) y_i, accumulated over the rated columns only.
  const A = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (a === b ? lambda : 0)));
  const b = new Array<number>(k).fill(0);
  rated.forEach((i, n) => {
    const y = fixedFactors[i];
    const residual = values[n] - mean;
    for (let p = 0; p < k; p++) {
      b[p] += residual * y[p];
      for (let q = 0; q < k; q++) A[p][q] += y[p] * y[q];
    }
  });
  return solveSymmetricPositive(A, b);
}

/**
 * Solves A x = b for a symmetric positive-definite A by Cholesky (A = L Lᵀ, then two triangular
 * solves). λ > 0 keeps A positive definite even for a row with fewer ratings than factors.
 */
export function solveSymmetricPositive(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const k = b.length;
  const L = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i][j];
      for (let p = 0; p < j; p++) sum -= L[i][p] * L[j][p];
      if (i === j) {
        if (!(sum > 0)) fail('solveSymmetricPositive', 'the matrix is not positive definite; use λ > 0 so every row can be solved');
        L[i][i] = Math.sqrt(sum);
      } else {
        L[i][j] = sum / L[j][j];
      }
    }
  }
  // L z = b (forward), then Lᵀ x = z (backward).
  const z = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let p = 0; p < i; p++) sum -= L[i][p] * z[p];
    z[i] = sum / L[i][i];
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i];
    for (let p = i + 1; p < k; p++) sum -= L[p][i] * x[p];
    x[i] = sum / L[i][i];
  }
  return x;
}
