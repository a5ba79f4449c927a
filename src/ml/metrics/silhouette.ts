import { fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { denseFromRows, squaredDistance } from '../core/dense.ts';
import { uniqueLabels } from './labels.ts';

/**
 * Silhouette of each sample s = (b − a) / max(a, b), where a is its mean distance to the other
 * members of its cluster and b the smallest mean distance to another cluster (0 for singletons).
 */
export function silhouetteSamples(X: MatrixLike, labels: VectorLike): number[] {
  const where = 'silhouetteSamples';
  const rows = toRows(X, where);
  const l = toVector(labels, where, { name: 'labels', length: rows.length });
  const clusters = uniqueLabels(l);
  if (clusters.length < 2 || clusters.length > rows.length - 1) {
    fail(where, `found ${clusters.length} cluster(s) in ${rows.length} samples; the silhouette needs 2 ≤ clusters ≤ samples − 1`);
  }
  const index = new Map(clusters.map((c, i) => [c, i]));
  const k = clusters.length;
  const cluster = Int32Array.from(l, (v) => index.get(v)!);
  const sizes = new Array<number>(k).fill(0);
  for (const c of cluster) sizes[c]++;
  const D = denseFromRows(rows);
  const n = rows.length;
  // Row i of sums: total distance from sample i to each cluster (one pass over all pairs).
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.sqrt(squaredDistance(D.data, i * D.cols, D.data, j * D.cols, D.cols));
      sums[i * k + cluster[j]] += d;
      sums[j * k + cluster[i]] += d;
    }
  }
  return l.map((_, i) => {
    const own = cluster[i];
    if (sizes[own] === 1) return 0;
    const a = sums[i * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[i * k + c] / sizes[c]);
    return (b - a) / Math.max(a, b);
  });
}

/** Mean silhouette over all samples: near 1 for dense, well-separated clusters, near 0 for overlapping ones. */
export function silhouetteScore(X: MatrixLike, labels: VectorLike): number {
  const s = silhouetteSamples(X, labels);
  return s.reduce((a, b) => a + b, 0) / s.length;
}
