import type { Dense } from '../core/dense.ts';
import { distanceKernel } from './distance-kernel.ts';

/** One step of Lloyd's algorithm as live buffers (the caller copies what it keeps). */
export interface LloydState {
  phase: 'assign' | 'update';
  iteration: number;
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
}

/**
 * Lloyd's k-means iterations with Elkan's bounds (Elkan 2003, "Using the triangle inequality to
 * accelerate k-means"). The labels and centers are exactly Lloyd's, but most distance
 * computations are skipped. For every row i and center j we keep
 *   upper(i)   ≥ ‖x_i − c_a(i)‖   (distance to the assigned center)
 *   lower(i,j) ≤ ‖x_i − c_j‖
 * and center j cannot beat the assigned center a when upper(i) < lower(i, j) or
 * upper(i) < ½‖c_a − c_j‖ (triangle inequality), so its distance is never computed.
 * (Hamerly's single lower bound prunes less on overlapping clusters: the second-closest center
 * stays close, while per-center bounds still rule most centers out.)
 *
 * Three more ways work is skipped exactly:
 * - When center j moves by δ_j every bound involving it loosens by δ_j. Instead of touching all
 *   n·k bounds after each update, bounds are stored relative to the running total moved[j] = Σδ_j:
 *   lower(i,j) = lowerStored − moved[j], upper(i) = upperStored + moved[a(i)].
 * - Cluster sums are updated only for rows whose label changed (s_a −= x, s_b += x).
 * - The inertia of each step comes from the sums, not from another pass over X. About the
 *   column means m (which keeps the difference well conditioned, as centering X would):
 *   Σ_i ‖x_i − c_a(i)‖² = Σ_i ‖x_i − m‖² − 2 Σ_k (c_k − m)·(s_k − n_k m) + Σ_k n_k ‖c_k − m‖².
 *   The final inertia is summed directly.
 *
 * Stops as scikit-learn's lloyd does: when no label changed, or when Σ_k ‖c_k,new − c_k,old‖² ≤ tol;
 * if it stopped for any reason other than unchanged labels, one last assign step makes the labels
 * agree with the final centers. Yields after each assign step and after each update step.
 */
export function* lloydSteps(
  x: Dense, initialCenters: Float64Array, k: number,
  options: { maxIter: number; tol: number; mean: Float64Array; totalSquares: number },
): Generator<LloydState, LloydState> {
  const { maxIter, tol, mean, totalSquares } = options;
  const { rows: n, cols: d } = x;
  const b: Bounds = {
    upper: new Float64Array(n),
    lower: new Float64Array(n * k),
    moved: new Float64Array(k),
    gaps: new Float64Array(k * k),
    halfGap: new Float64Array(k),
  };
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const labels = new Int32Array(n).fill(-1);
  let centers = initialCenters.slice();
  let state: LloydState = { phase: 'assign', iteration: 0, centers, labels, inertia: NaN };
  let strictlyConverged = false;

  for (let iteration = 1; iteration <= maxIter; iteration++) {
    centerGaps(centers, k, d, b);
    const changed = assign(x, centers, k, labels, b, sums, counts);
    const assignInertia = inertiaFromSums(totalSquares, mean, centers, sums, counts, k, d);
    state = { phase: 'assign', iteration, centers, labels, inertia: assignInertia };
    yield state;

    const newCenters = new Float64Array(k * d);
    const relocated = meansOrRelocate(x, centers, labels, sums, counts, k, newCenters);
    let totalShift = 0;
    let updateInertia = assignInertia;
    for (let j = 0; j < k; j++) {
      const s = sqDistance(newCenters, j * d, centers, j * d, d);
      totalShift += s;
      b.moved[j] += Math.sqrt(s);
      // Moving c_k to its cluster mean lowers the inertia by n_k ‖c_k − μ_k‖² (parallel-axis theorem).
      updateInertia -= counts[j] * s;
    }
    centers = newCenters;
    if (relocated) {
      recomputeSums(x, labels, k, sums, counts);
      updateInertia = inertiaOf(x, centers, labels);
    }
    state = { phase: 'update', iteration, centers, labels, inertia: updateInertia };
    yield state;

    if (changed === 0) {
      strictlyConverged = true;
      break;
    }
    if (totalShift <= tol) break;
  }
  if (!strictlyConverged) {
    centerGaps(centers, k, d, b);
    assign(x, centers, k, labels, b, sums, counts);
    state = { phase: 'assign', iteration: state.iteration, centers, labels, inertia: inertiaOf(x, centers, labels) };
    yield state;
    return state;
  }
  // The final inertia is summed directly, free of the rounding of the sums identity.
  return { ...state, inertia: inertiaOf(x, centers, labels) };
}

interface Bounds {
  upper: Float64Array;
  lower: Float64Array;
  /** Total distance each center has moved so far: the offset of its stored bounds. */
  moved: Float64Array;
  /** ½‖c_a − c_b‖ for every pair. */
  gaps: Float64Array;
  /** min over b ≠ a of gaps[a, b]. */
  halfGap: Float64Array;
}

function centerGaps(centers: Float64Array, k: number, d: number, b: Bounds): void {
  b.halfGap.fill(Infinity);
  for (let p = 0; p < k; p++) {
    for (let q = p + 1; q < k; q++) {
      const half = 0.5 * Math.sqrt(sqDistance(centers, p * d, centers, q * d, d));
      b.gaps[p * k + q] = half;
      b.gaps[q * k + p] = half;
      if (half < b.halfGap[p]) b.halfGap[p] = half;
      if (half < b.halfGap[q]) b.halfGap[q] = half;
    }
  }
}

function sqDistance(a: Float64Array, aStart: number, c: Float64Array, cStart: number, d: number): number {
  let s = 0;
  for (let f = 0; f < d; f++) {
    const t = a[aStart + f] - c[cStart + f];
    s += t * t;
  }
  return s;
}

/** Rows taken per block by `assign`: the block's distances (BLOCK × k) stay in cache. */
const BLOCK = 256;

/**
 * The assign step with Elkan's pruning, a block of rows at a time: (1) keep the rows whose bounds
 * cannot rule out a closer center, (2) compute their distances to all k centers with the kernel
 * generated for (d, k), (3) relabel them and reset all their bounds to the exact distances.
 * Computing every distance of an unsettled row in one unrolled kernel is cheaper than Elkan's
 * one-distance-at-a-time tightening, and the exact bounds prune better next time.
 * Keeps the cluster sums in step with the labels; returns how many labels changed. The first
 * call (labels still −1) computes every row. Ties go to the lowest index, like Lloyd's argmin.
 */
function assign(x: Dense, centers: Float64Array, k: number, labels: Int32Array, b: Bounds, sums: Float64Array, counts: Float64Array): number {
  const { rows: n, cols: d, data } = x;
  const { upper, lower, moved, halfGap } = b;
  const kernel = distanceKernel(d, k);
  const pending = new Int32Array(BLOCK);
  const squared = new Float64Array(BLOCK * k);
  let changed = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    let count = 0;
    for (let i = start; i < end; i++) {
      const a = labels[i];
      if (a < 0) {
        pending[count++] = i;
        continue;
      }
      let u = upper[i] + moved[a];
      // No center is closer than half the gap from the assigned center to its nearest neighbour.
      if (u < halfGap[a] || !mayBeCloser(i, a, u, k, b)) continue;
      // The bound u may just be loose: tighten it to the exact distance and ask again.
      u = Math.sqrt(sqDistance(data, i * d, centers, a * d, d));
      upper[i] = u - moved[a];
      lower[i * k + a] = u + moved[a];
      if (mayBeCloser(i, a, u, k, b)) pending[count++] = i;
    }
    kernel(data, pending, count, centers, squared);
    for (let t = 0; t < count; t++) {
      const i = pending[t];
      const at = t * k;
      let a = 0;
      for (let j = 1; j < k; j++) if (squared[at + j] < squared[at + a]) a = j;
      const bounds = i * k;
      for (let j = 0; j < k; j++) lower[bounds + j] = Math.sqrt(squared[at + j]) + moved[j];
      upper[i] = Math.sqrt(squared[at + a]) - moved[a];
      const old = labels[i];
      if (a === old) continue;
      // Row i moves from cluster `old` to cluster `a`: s_old −= x_i, s_a += x_i.
      changed++;
      labels[i] = a;
      counts[a]++;
      const row = i * d;
      for (let f = 0; f < d; f++) sums[a * d + f] += data[row + f];
      if (old < 0) continue;
      counts[old]--;
      for (let f = 0; f < d; f++) sums[old * d + f] -= data[row + f];
    }
  }
  return changed;
}

/** Whether some center j ≠ a may be closer to row i than u: neither its lower bound nor half its gap to c_a exceeds u. */
function mayBeCloser(i: number, a: number, u: number, k: number, b: Bounds): boolean {
  const { lower, moved, gaps } = b;
  const bounds = i * k;
  for (let j = 0; j < k; j++) if (j !== a && u >= lower[bounds + j] - moved[j] && u >= gaps[a * k + j]) return true;
  return false;
}

/** Σ_i ‖x_i − c_a(i)‖² from the sums in O(k·d), about the column means m (see lloydSteps). */
function inertiaFromSums(
  totalSquares: number, mean: Float64Array, centers: Float64Array, sums: Float64Array, counts: Float64Array, k: number, d: number,
): number {
  let inertia = totalSquares;
  for (let j = 0; j < k; j++) {
    for (let f = 0; f < d; f++) {
      const c = centers[j * d + f] - mean[f];
      const s = sums[j * d + f] - counts[j] * mean[f];
      inertia += counts[j] * c * c - 2 * c * s;
    }
  }
  return Math.max(inertia, 0);
}

function recomputeSums(x: Dense, labels: Int32Array, k: number, sums: Float64Array, counts: Float64Array): void {
  const { rows: n, cols: d, data } = x;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    counts[labels[i]]++;
    for (let f = 0; f < d; f++) sums[labels[i] * d + f] += data[i * d + f];
  }
}

/**
 * μ_k = s_k / n_k. An empty cluster is moved onto the row farthest from its own center
 * (scikit-learn's rule), so k clusters survive. Returns whether that happened.
 */
function meansOrRelocate(
  x: Dense, centers: Float64Array, labels: Int32Array, sums: Float64Array, counts: Float64Array, k: number, out: Float64Array,
): boolean {
  const d = x.cols;
  const empty: number[] = [];
  for (let j = 0; j < k; j++) {
    if (counts[j] === 0) empty.push(j);
    else for (let f = 0; f < d; f++) out[j * d + f] = sums[j * d + f] / counts[j];
  }
  if (empty.length === 0) return false;
  const far = farthestRows(x, centers, labels, empty.length);
  empty.forEach((j, e) => out.set(x.data.subarray(far[e] * d, (far[e] + 1) * d), j * d));
  return true;
}

function farthestRows(x: Dense, centers: Float64Array, labels: Int32Array, count: number): number[] {
  const d = x.cols;
  const distances = Array.from({ length: x.rows }, (_, i) => ({ i, s: sqDistance(x.data, i * d, centers, labels[i] * d, d) }));
  distances.sort((p, q) => q.s - p.s);
  return distances.slice(0, count).map((e) => e.i);
}

/** Σ_i ‖x_i − c_a(i)‖², summed directly. */
export function inertiaOf(x: Dense, centers: Float64Array, labels: Int32Array): number {
  const { rows: n, cols: d, data } = x;
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDistance(data, i * d, centers, labels[i] * d, d);
  return inertia;
}
