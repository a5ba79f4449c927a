import { fail } from '../core/validate.ts';

/** Distance names accepted by the neighbour estimators (scikit-learn's names). */
export type NeighborMetric = 'euclidean' | 'manhattan' | 'cosine' | 'minkowski';

/**
 * A metric reduced to what the search needs. Minkowski-family distances are searched by their
 * "reduced" form Σ|a_j − b_j|^p (no root: it preserves the order and saves a pow per pair);
 * `finish` turns a reduced distance back into the true one.
 */
export type ResolvedMetric = { kind: 'minkowski'; p: number } | { kind: 'cosine' };

/** Maps a metric name and p to the search's form (euclidean = minkowski p=2, manhattan = p=1). */
export function resolveMetric(metric: NeighborMetric, p: number, where: string): ResolvedMetric {
  switch (metric) {
    case 'euclidean': return { kind: 'minkowski', p: 2 };
    case 'manhattan': return { kind: 'minkowski', p: 1 };
    case 'cosine': return { kind: 'cosine' };
    case 'minkowski':
      if (!(p >= 1) || !Number.isFinite(p)) fail(where, `p must be a finite number ≥ 1 for the minkowski metric, got ${p}`);
      return { kind: 'minkowski', p };
    default:
      return fail(where, `metric must be one of 'euclidean', 'manhattan', 'cosine', 'minkowski', got ${JSON.stringify(metric)}`);
  }
}

/** The true distance from a reduced one: (Σ|Δ|^p)^(1/p). */
export function finishDistance(reduced: number, metric: ResolvedMetric): number {
  if (metric.kind === 'cosine') return reduced;
  return metric.p === 2 ? Math.sqrt(reduced) : metric.p === 1 ? reduced : Math.pow(reduced, 1 / metric.p);
}

/**
 * Σ_j |a_j − b_j|^p between a[aOff..aOff+d) and b[bOff..bOff+d): the reduced Minkowski distance.
 * p = 2 and p = 1 get their own loops so the hot path has no pow and no branch per coordinate.
 */
export function reducedDistance(a: Float64Array, aOff: number, b: Float64Array, bOff: number, d: number, p: number): number {
  let s = 0;
  if (p === 2) {
    for (let j = 0; j < d; j++) {
      const t = a[aOff + j] - b[bOff + j];
      s += t * t;
    }
  } else if (p === 1) {
    for (let j = 0; j < d; j++) s += Math.abs(a[aOff + j] - b[bOff + j]);
  } else {
    for (let j = 0; j < d; j++) s += Math.pow(Math.abs(a[aOff + j] - b[bOff + j]), p);
  }
  return s;
}
