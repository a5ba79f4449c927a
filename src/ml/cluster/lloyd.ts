import type { Dense } from '../core/dense.ts';

/** One step of Lloyd's algorithm as live buffers (the caller copies what it keeps). */
export interface LloydState {
  phase: 'assign' | 'update';
  iteration: number;
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
}

/**
 * Lloyd's k-means iterations with Hamerly's bounds (Hamerly 2010, "Making k-means even faster").
 * The labels and centers are exactly Lloyd's, but most distance computations are skipped:
 *   upper[i] ≥ ‖x_i − c_a(i)‖   (distance to the assigned center)
 *   lower[i] ≤ ‖x_i − c_j‖ for every j ≠ a(i)   (distance to the second-closest center)
 *   halfGap[j] = ½ min_{j'≠j} ‖c_j − c_j'‖
 * If upper[i] < max(lower[i], halfGap[a]), no other center can be closer, so row i keeps its
 * label without computing a single distance. After the update step the bounds are loosened by
 * how far the centers moved (triangle inequality), never recomputed from scratch.
 *
 * Stops as scikit-learn's lloyd does: when no label changed, or when Σ_k ‖c_k,new − c_k,old‖² ≤ tol;
 * if it stopped for any reason other than unchanged labels, one last assign step makes the labels
 * agree with the final centers. Yields after each assign step and after each update step.
 */
export function* lloydSteps(x: Dense, initialCenters: Float64Array, k: number, maxIter: number, tol: number): Generator<LloydState, LloydState> {
  const { rows: n, cols: d } = x;
  let centers = initialCenters.slice();
  const labels = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const halfGap = new Float64Array(k);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const shift = new Float64Array(k);
  let state: LloydState = { phase: 'assign', iteration: 0, centers, labels, inertia: NaN };
  let strictlyConverged = false;

  for (let iteration = 1; iteration <= maxIter; iteration++) {
    computeHalfGaps(centers, k, d, halfGap);
    const changed = assign(x, centers, k, labels, upper, lower, halfGap, iteration === 1);
    // Σ_i ‖x_i − c_a(i)‖² with the old centers, and the per-cluster sums for the new means.
    const assignInertia = sumsAndInertia(x, centers, labels, k, sums, counts);
    state = { phase: 'assign', iteration, centers, labels, inertia: assignInertia };
    yield state;

    const newCenters = new Float64Array(k * d);
    const relocated = meansOrRelocate(x, centers, labels, sums, counts, k, newCenters);
    let totalShift = 0;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = newCenters[j * d + f] - centers[j * d + f];
        s += t * t;
      }
      totalShift += s;
      shift[j] = Math.sqrt(s);
    }
    // Moving each center to its cluster mean lowers the inertia by n_k ‖c_k − μ_k‖² (parallel-axis theorem).
    let updateInertia = assignInertia;
    for (let j = 0; j < k; j++) updateInertia -= counts[j] * shift[j] * shift[j];
    centers = newCenters;
    if (relocated) updateInertia = inertiaOf(x, centers, labels);
    loosenBounds(labels, upper, lower, shift);
    state = { phase: 'update', iteration, centers, labels, inertia: updateInertia };
    yield state;

    if (changed === 0) {
      strictlyConverged = true;
      break;
    }
    if (totalShift <= tol) break;
  }
  if (!strictlyConverged) {
    computeHalfGaps(centers, k, d, halfGap);
    assign(x, centers, k, labels, upper, lower, halfGap, false);
    state = { phase: 'assign', iteration: state.iteration, centers, labels, inertia: inertiaOf(x, centers, labels) };
    yield state;
  }
  return state;
}

function computeHalfGaps(centers: Float64Array, k: number, d: number, halfGap: Float64Array): void {
  halfGap.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = centers[a * d + f] - centers[b * d + f];
        s += t * t;
      }
      const half = 0.5 * Math.sqrt(s);
      if (half < halfGap[a]) halfGap[a] = half;
      if (half < halfGap[b]) halfGap[b] = half;
    }
  }
}

/** The assign step with Hamerly's pruning; returns how many labels changed. */
function assign(
  x: Dense, centers: Float64Array, k: number, labels: Int32Array,
  upper: Float64Array, lower: Float64Array, halfGap: Float64Array, firstPass: boolean,
): number {
  const { rows: n, cols: d, data } = x;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    const current = labels[i];
    if (!firstPass) {
      const bound = Math.max(lower[i], halfGap[current]);
      // Strict < so that exact ties go to the full scan, which breaks them like Lloyd (lowest index).
      if (upper[i] < bound) continue;
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = data[row + f] - centers[current * d + f];
        s += t * t;
      }
      upper[i] = Math.sqrt(s);
      if (upper[i] < bound) continue;
    }
    // Full scan: the nearest and second-nearest centers.
    let best = 0, bestSq = Infinity, secondSq = Infinity;
    for (let j = 0; j < k; j++) {
      const c = j * d;
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = data[row + f] - centers[c + f];
        s += t * t;
      }
      if (s < bestSq) {
        secondSq = bestSq;
        bestSq = s;
        best = j;
      } else if (s < secondSq) {
        secondSq = s;
      }
    }
    if (best !== current) changed++;
    labels[i] = best;
    upper[i] = Math.sqrt(bestSq);
    lower[i] = Math.sqrt(secondSq);
  }
  return changed;
}

/** Per-cluster sums and counts of the rows, and Σ_i ‖x_i − c_a(i)‖², in one pass. */
function sumsAndInertia(x: Dense, centers: Float64Array, labels: Int32Array, k: number, sums: Float64Array, counts: Float64Array): number {
  const { rows: n, cols: d, data } = x;
  sums.fill(0);
  counts.fill(0);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    counts[a]++;
    for (let f = 0; f < d; f++) {
      const v = data[i * d + f];
      sums[a * d + f] += v;
      const t = v - centers[a * d + f];
      inertia += t * t;
    }
  }
  return inertia;
}

/**
 * μ_k = sum_k / n_k. An empty cluster is moved onto the row farthest from its own center
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
  const distances = Array.from({ length: x.rows }, (_, i) => {
    let s = 0;
    for (let f = 0; f < d; f++) {
      const t = x.data[i * d + f] - centers[labels[i] * d + f];
      s += t * t;
    }
    return { i, s };
  });
  distances.sort((a, b) => b.s - a.s);
  return distances.slice(0, count).map((e) => e.i);
}

/** Triangle inequality: a center that moved by δ changes any distance to it by at most δ. */
function loosenBounds(labels: Int32Array, upper: Float64Array, lower: Float64Array, shift: Float64Array): void {
  let maxShift = 0, secondShift = 0, maxIndex = -1;
  for (let j = 0; j < shift.length; j++) {
    if (shift[j] > maxShift) {
      secondShift = maxShift;
      maxShift = shift[j];
      maxIndex = j;
    } else if (shift[j] > secondShift) {
      secondShift = shift[j];
    }
  }
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    upper[i] += shift[a];
    lower[i] -= a === maxIndex ? secondShift : maxShift;
  }
}

/** Σ_i ‖x_i − c_a(i)‖². */
export function inertiaOf(x: Dense, centers: Float64Array, labels: Int32Array): number {
  const { rows: n, cols: d, data } = x;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i] * d;
    for (let f = 0; f < d; f++) {
      const t = data[i * d + f] - centers[c + f];
      inertia += t * t;
    }
  }
  return inertia;
}
