import type { Dense } from '../core/dense.ts';
import { NeighborList } from './heap.ts';
import type { ResolvedMetric } from './metric.ts';
import { reducedDistance } from './metric.ts';

/**
 * Exhaustive k-nearest search: every training row against the query, on the flat Float64Array.
 * Used for cosine, for high dimension (where trees prune little) and when k is near n.
 * `norms` are the training rows' Euclidean norms, needed by cosine only.
 */
export function bruteQuery(train: Dense, norms: Float64Array | null, metric: ResolvedMetric, q: Float64Array, qOffset: number, out: NeighborList): void {
  out.reset();
  const d = train.cols, x = train.data;
  if (metric.kind === 'cosine') {
    let qq = 0;
    for (let j = 0; j < d; j++) qq += q[qOffset + j] * q[qOffset + j];
    const qNorm = Math.sqrt(qq);
    for (let i = 0; i < train.rows; i++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += x[i * d + j] * q[qOffset + j];
      // cosine distance = 1 − a·b / (‖a‖‖b‖); a zero vector is at distance 1 from everything
      const denom = norms![i] * qNorm;
      out.push(denom === 0 ? 1 : 1 - dot / denom, i);
    }
    return;
  }
  const p = metric.p;
  let bound = out.worst();
  for (let i = 0; i < train.rows; i++) {
    const s = reducedDistance(x, i * d, q, qOffset, d, p);
    if (s <= bound) {
      out.push(s, i);
      bound = out.worst();
    }
  }
}

/** Euclidean norm of each row (for the cosine metric). */
export function rowNorms(m: Dense): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++) s += m.data[i * m.cols + j] ** 2;
    out[i] = Math.sqrt(s);
  }
  return out;
}
