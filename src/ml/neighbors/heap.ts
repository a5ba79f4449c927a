/**
 * The k best (smallest-distance) candidates seen so far, kept sorted by (distance, index).
 * k is small, so insertion into a sorted array beats a binary heap, and the arrays are
 * allocated once per search and reset per query (no allocation in the query loop).
 * Ties in distance go to the lower training index, so results are deterministic.
 */
export class NeighborList {
  readonly dist: Float64Array;
  readonly index: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.index = new Int32Array(k);
  }

  reset(): void {
    this.size = 0;
  }

  /** The distance a candidate must beat to enter: +∞ until k candidates are held. */
  worst(): number {
    return this.size < this.k ? Infinity : this.dist[this.k - 1];
  }

  push(d: number, i: number): void {
    const k = this.k;
    if (this.size === k) {
      const last = this.dist[k - 1];
      if (d > last || (d === last && i > this.index[k - 1])) return;
    }
    // Shift larger entries one place right, then drop the candidate into the hole.
    let pos = this.size < k ? this.size++ : k - 1;
    while (pos > 0 && (this.dist[pos - 1] > d || (this.dist[pos - 1] === d && this.index[pos - 1] > i))) {
      this.dist[pos] = this.dist[pos - 1];
      this.index[pos] = this.index[pos - 1];
      pos--;
    }
    this.dist[pos] = d;
    this.index[pos] = i;
  }
}
