// Magnitude pruning: set the weights of smallest |w| to zero, as torch.nn.utils.prune's
// l1_unstructured (per layer) and global_unstructured do.
//
// The count pruned is round(sparsity · n) with halves to even (Python's round, which PyTorch uses).
// Ties: among weights of equal |w|, the one that comes first (layer by layer, row by row) is pruned
// first, so a mask never depends on sort instability (PyTorch leaves ties to topk).

import { roundHalfToEven } from './quantize.ts';

export type PruningScope = 'global' | 'per-layer';

/** 1 keeps a weight, 0 prunes it; same shape as the layers. */
export type PruningMask = number[][][];

/**
 * Masks for a list of weight matrices: `per-layer` prunes the fraction `sparsity` of each matrix;
 * `global` prunes that fraction of all weights together, so layers of small weights lose more.
 */
export function magnitudePruningMasks(layers: readonly (readonly (readonly number[])[])[], sparsity: number, scope: PruningScope): PruningMask {
  if (!(sparsity >= 0 && sparsity <= 1)) throw new RangeError(`magnitudePruningMasks: sparsity must be in [0, 1], got ${sparsity}`);
  const masks = layers.map((rows) => rows.map((row) => row.map(() => 1)));
  // Every weight as (layer, row, column, |w|), in reading order.
  const entries = layers.flatMap((rows, l) => rows.flatMap((row, i) => row.map((w, j) => ({ l, i, j, size: Math.abs(w) }))));
  const groups = scope === 'global' ? [entries] : layers.map((_, l) => entries.filter((e) => e.l === l));
  for (const group of groups) {
    const count = roundHalfToEven(sparsity * group.length);
    // Array.prototype.sort is stable, so equal magnitudes keep reading order.
    const smallestFirst = [...group].sort((a, b) => a.size - b.size);
    for (const e of smallestFirst.slice(0, count)) masks[e.l][e.i][e.j] = 0;
  }
  return masks;
}

/** The weights with the pruned ones set to 0. */
export function applyPruningMask(layers: readonly (readonly (readonly number[])[])[], masks: PruningMask): number[][][] {
  return layers.map((rows, l) => rows.map((row, i) => row.map((w, j) => (masks[l][i][j] === 1 ? w : 0))));
}

/** The fraction of zeros in a mask (per layer, then overall). */
export function maskSparsity(masks: PruningMask): { perLayer: number[]; overall: number } {
  const counts = masks.map((rows) => {
    const flat = rows.flat();
    return { zeros: flat.filter((m) => m === 0).length, total: flat.length };
  });
  const zeros = counts.reduce((s, c) => s + c.zeros, 0), total = counts.reduce((s, c) => s + c.total, 0);
  return { perLayer: counts.map((c) => c.zeros / c.total), overall: zeros / total };
}
