import type { Dense } from '../core/dense.ts';
import { fail } from '../core/validate.ts';
import { bruteQuery, rowNorms } from './brute.ts';
import { NeighborList } from './heap.ts';
import { KDTree } from './kd-tree.ts';
import type { ResolvedMetric } from './metric.ts';
import { finishDistance } from './metric.ts';

/** How to search: a k-d tree, brute force, or 'auto' (tree for Minkowski metrics in ≤ 16 dimensions). */
export type NeighborAlgorithm = 'auto' | 'kd_tree' | 'brute';

/** The k nearest training rows of each query row, nearest first. */
export interface Neighbors {
  distances: number[][];
  indices: number[][];
}

/** The fitted search structure shared by every neighbour estimator: training data plus tree or norms. */
export class NeighborIndex {
  readonly method: 'kd_tree' | 'brute';
  private readonly tree: KDTree | null;
  private readonly norms: Float64Array | null;

  constructor(readonly train: Dense, readonly metric: ResolvedMetric, algorithm: NeighborAlgorithm, leafSize: number, where: string) {
    const treeable = metric.kind === 'minkowski';
    if (algorithm === 'kd_tree' && !treeable) fail(where, "algorithm 'kd_tree' supports minkowski-family metrics only; use 'brute' for cosine");
    // Beyond ~16 dimensions a k-d tree prunes little and brute force on flat memory wins.
    this.method = algorithm === 'brute' || !treeable || (algorithm === 'auto' && train.cols > 16) ? 'brute' : 'kd_tree';
    this.tree = this.method === 'kd_tree' ? new KDTree(this.train, (metric as { p: number }).p, leafSize) : null;
    this.norms = metric.kind === 'cosine' ? rowNorms(this.train) : null;
  }

  /** The k nearest training rows of each query row, as flat arrays (row-major, nQuery × k). */
  searchFlat(queries: Dense, k: number): { dist: Float64Array; index: Int32Array } {
    const dist = new Float64Array(queries.rows * k), index = new Int32Array(queries.rows * k);
    const list = new NeighborList(k);
    for (let i = 0; i < queries.rows; i++) {
      const offset = i * queries.cols;
      if (this.tree) this.tree.query(queries.data, offset, list);
      else bruteQuery(this.train, this.norms, this.metric, queries.data, offset, list);
      for (let m = 0; m < k; m++) {
        dist[i * k + m] = finishDistance(list.dist[m], this.metric);
        index[i * k + m] = list.index[m];
      }
    }
    return { dist, index };
  }

  /** The same search, as rows of plain arrays. */
  search(queries: Dense, k: number): Neighbors {
    const { dist, index } = this.searchFlat(queries, k);
    const distances: number[][] = [], indices: number[][] = [];
    for (let i = 0; i < queries.rows; i++) {
      distances.push(Array.from(dist.subarray(i * k, (i + 1) * k)));
      indices.push(Array.from(index.subarray(i * k, (i + 1) * k)));
    }
    return { distances, indices };
  }
}
