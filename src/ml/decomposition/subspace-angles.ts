import { denseFromRows } from '../core/dense.ts';
import { fail, toRows, type MatrixLike } from '../core/validate.ts';
import { symmetricEigen } from './pca-steps.ts';

/** Orthonormal rows spanning the same subspace as `rows` (modified Gram–Schmidt). */
function orthonormalRows(rows: number[][], where: string): number[][] {
  const basis: number[][] = [];
  for (const row of rows) {
    const v = row.slice();
    // Subtract the projection on each earlier basis vector, one at a time (more stable than all at once).
    for (const q of basis) {
      const dot = q.reduce((s, qj, j) => s + qj * v[j], 0);
      for (let j = 0; j < v.length; j++) v[j] -= dot * q[j];
    }
    const norm = Math.hypot(...v);
    if (norm < 1e-12) fail(where, 'the vectors are linearly dependent: they do not span a subspace of their count');
    basis.push(v.map((x) => x / norm));
  }
  return basis;
}

/**
 * Principal angles (radians, largest first, like scipy.linalg.subspace_angles) between the
 * subspace spanned by the rows of A and the one spanned by the rows of B. Rows, not columns:
 * PCA components and a dense layer's weight vectors come as rows here. With orthonormal bases
 * Q_A, Q_B, the cosines of the angles are the singular values of Q_A Q_Bᵀ. All angles 0 means
 * the same subspace, whatever basis each side happens to use.
 */
export function subspaceAngles(A: MatrixLike, B: MatrixLike): number[] {
  const where = 'subspaceAngles';
  const a = orthonormalRows(toRows(A, where, { name: 'A' }), where);
  const b = orthonormalRows(toRows(B, where, { name: 'B' }), where);
  if (a[0].length !== b[0].length) fail(where, `A's rows have ${a[0].length} entries but B's have ${b[0].length}: the subspaces must live in one space`);
  // M = Q_A Q_Bᵀ; its singular values are √eig(M Mᵀ) (the smaller side keeps the matrix small).
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const m = small.map((p) => large.map((q) => p.reduce((s, pj, j) => s + pj * q[j], 0)));
  const mmT = m.map((ri) => m.map((rk) => ri.reduce((s, v, j) => s + v * rk[j], 0)));
  const cosines = symmetricEigen(denseFromRows(mmT)).values.map((v) => Math.min(1, Math.sqrt(Math.max(0, v))));
  return cosines.map(Math.acos).sort((x, y) => y - x);
}
