import type { Dense } from '../core/dense.ts';
import { NeighborList } from './heap.ts';
import { reducedDistance } from './metric.ts';

/**
 * A k-d tree over the rows of a Dense matrix for Minkowski distances (p ≥ 1).
 * Each node splits its points at the median of the dimension with the largest spread and keeps
 * the bounding box of its points; a query visits the nearer child first and skips any node whose
 * box is farther than the current k-th best neighbour (the pruning that makes the search fast).
 */
export class KDTree {
  /** The training points copied in tree order, so a leaf's points are contiguous in memory. */
  private readonly points: Float64Array;
  /** order[t] = original row of the t-th point in tree order. */
  readonly order: Int32Array;
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private lower: Float64Array;
  private upper: Float64Array;
  private readonly d: number;

  constructor(data: Dense, readonly p: number, readonly leafSize = 40) {
    const n = data.rows, d = data.cols;
    this.d = d;
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    const maxNodes = 2 * Math.ceil(n / Math.max(1, Math.floor(leafSize / 2))) + 1;
    this.lower = new Float64Array(maxNodes * d);
    this.upper = new Float64Array(maxNodes * d);
    this.build(data, 0, n);
    this.lower = this.lower.slice(0, this.start.length * d);
    this.upper = this.upper.slice(0, this.start.length * d);
    this.points = new Float64Array(n * d);
    for (let t = 0; t < n; t++) this.points.set(data.data.subarray(this.order[t] * d, this.order[t] * d + d), t * d);
  }

  /** Fills `out` with the k nearest training rows to q (reduced distances, original indices). */
  query(q: Float64Array, qOffset: number, out: NeighborList): void {
    out.reset();
    this.visit(0, q, qOffset, out, this.boxDistance(0, q, qOffset));
  }

  private build(data: Dense, lo: number, hi: number): number {
    const node = this.start.length;
    const d = this.d;
    this.start.push(lo); this.end.push(hi); this.left.push(-1); this.right.push(-1);
    // Bounding box of the node's points.
    let widest = 0, widestSpread = -1;
    for (let j = 0; j < d; j++) {
      let mn = Infinity, mx = -Infinity;
      for (let t = lo; t < hi; t++) {
        const v = data.data[this.order[t] * d + j];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      this.lower[node * d + j] = mn;
      this.upper[node * d + j] = mx;
      if (mx - mn > widestSpread) { widestSpread = mx - mn; widest = j; }
    }
    if (hi - lo > this.leafSize && widestSpread > 0) {
      const mid = (lo + hi) >> 1;
      selectNth(this.order, data, widest, lo, hi - 1, mid);
      this.left[node] = this.build(data, lo, mid);
      this.right[node] = this.build(data, mid, hi);
    }
    return node;
  }

  /** Reduced distance from q to the node's box: Σ_j (distance outside [lo_j, hi_j])^p. */
  private boxDistance(node: number, q: Float64Array, qOffset: number): number {
    const d = this.d, p = this.p, base = node * d;
    const lower = this.lower, upper = this.upper;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = q[qOffset + j];
      const below = lower[base + j] - v, above = v - upper[base + j];
      const gap = below > 0 ? below : above > 0 ? above : 0;
      s += p === 2 ? gap * gap : p === 1 ? gap : Math.pow(gap, p);
    }
    return s;
  }

  private visit(node: number, q: Float64Array, qOffset: number, out: NeighborList, boxDist: number): void {
    if (boxDist > out.worst()) return;
    const l = this.left[node];
    if (l < 0) {
      // Leaf: scan its points, contiguous in `points`.
      const d = this.d, p = this.p, pts = this.points;
      let bound = out.worst();
      for (let t = this.start[node]; t < this.end[node]; t++) {
        const s = reducedDistance(pts, t * d, q, qOffset, d, p);
        if (s <= bound) {
          out.push(s, this.order[t]);
          bound = out.worst();
        }
      }
      return;
    }
    const r = this.right[node];
    const dl = this.boxDistance(l, q, qOffset), dr = this.boxDistance(r, q, qOffset);
    if (dl <= dr) {
      this.visit(l, q, qOffset, out, dl);
      this.visit(r, q, qOffset, out, dr);
    } else {
      this.visit(r, q, qOffset, out, dr);
      this.visit(l, q, qOffset, out, dl);
    }
  }
}

/** Quickselect (Hoare partition) on order[lo..hi] by coordinate j, so order[nth] holds the median. */
function selectNth(order: Int32Array, data: Dense, j: number, lo: number, hi: number, nth: number): void {
  const d = data.cols, x = data.data;
  while (hi > lo) {
    const pivot = x[order[(lo + hi) >> 1] * d + j];
    let i = lo, k = hi;
    while (i <= k) {
      while (x[order[i] * d + j] < pivot) i++;
      while (x[order[k] * d + j] > pivot) k--;
      if (i <= k) {
        const t = order[i]; order[i] = order[k]; order[k] = t;
        i++; k--;
      }
    }
    if (nth <= k) hi = k;
    else if (nth >= i) lo = i;
    else return;
  }
}
