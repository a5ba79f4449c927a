/**
 * The lower-triangular L with L·Lᵀ = K, or null when K is not (numerically) positive definite.
 * Rows of L are Float64Arrays.
 */
export function cholesky(K: readonly (readonly number[])[]): Float64Array[] | null {
  const n = K.length;
  const L = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = K[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else {
        L[i][j] = s / L[j][j];
      }
    }
  }
  return L;
}

/** x with L·x = b (forward substitution). */
export function solveLower(L: readonly Float64Array[], b: ArrayLike<number>): Float64Array {
  const n = L.length, x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

/** x with Lᵀ·x = b (back substitution). */
export function solveUpperTransposed(L: readonly Float64Array[], b: ArrayLike<number>): Float64Array {
  const n = L.length, x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}
