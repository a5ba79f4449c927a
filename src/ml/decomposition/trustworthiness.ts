import { denseFromRows } from '../core/dense.ts';
import { checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';
import { squaredDistances } from './tsne-affinities.ts';

/**
 * How well an embedding keeps neighbourhoods (Venna & Kaski 2001), in [0, 1]: it penalises each
 * point's k nearest neighbours in the embedding by how far down they rank in the original space.
 * T = 1 − 2 / (n k (2n − 3k − 1)) Σ_i Σ_{j ∈ N_k(i)} max(0, r(i, j) − k). Same as scikit-learn's.
 */
export function trustworthiness(X: MatrixLike, embedding: MatrixLike, nNeighbors = 5): number {
  const x = denseFromRows(toRows(X, 'trustworthiness'));
  const e = denseFromRows(toRows(embedding, 'trustworthiness', { name: 'embedding' }));
  const n = x.rows;
  if (e.rows !== n) fail('trustworthiness', `embedding has ${e.rows} rows but X has ${n}; they must match`);
  checkPositiveInt(nNeighbors, 'trustworthiness', 'nNeighbors');
  if (nNeighbors >= n / 2) fail('trustworthiness', `nNeighbors (${nNeighbors}) must be less than n / 2 = ${n / 2}`);
  const dx = squaredDistances(x);
  const de = squaredDistances(e);
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    // rank[j] = position of j among i's neighbours in the original space (1 = nearest).
    const byX = neighboursByDistance(dx, n, i);
    const rank = new Int32Array(n);
    byX.forEach((j, r) => (rank[j] = r + 1));
    const byEmbedding = neighboursByDistance(de, n, i).slice(0, nNeighbors);
    for (const j of byEmbedding) penalty += Math.max(0, rank[j] - nNeighbors);
  }
  return 1 - penalty * (2 / (n * nNeighbors * (2 * n - 3 * nNeighbors - 1)));
}

function neighboursByDistance(distances: Float64Array, n: number, i: number): number[] {
  const others: number[] = [];
  for (let j = 0; j < n; j++) if (j !== i) others.push(j);
  // Stable: equal distances keep index order, like numpy's argsort on this data.
  return others.sort((a, b) => distances[i * n + a] - distances[i * n + b] || a - b);
}
