/** How neighbours vote: equally, or in proportion to 1 / distance. */
export type NeighborWeights = 'uniform' | 'distance';

/**
 * Fills `w` with the vote weights of one query's k neighbours (dist[offset .. offset+k)).
 * 'distance' uses 1/d; as in scikit-learn, if any neighbour is at distance 0 the exact matches
 * share the vote and the others get 0.
 */
export function neighborWeights(kind: NeighborWeights, dist: Float64Array, offset: number, k: number, w: Float64Array): void {
  if (kind === 'uniform') {
    w.fill(1);
    return;
  }
  let exact = false;
  for (let m = 0; m < k; m++) if (dist[offset + m] === 0) exact = true;
  for (let m = 0; m < k; m++) {
    const d = dist[offset + m];
    w[m] = exact ? (d === 0 ? 1 : 0) : 1 / d;
  }
}
