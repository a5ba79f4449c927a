import { denseFromRows, squaredDistance, type Dense } from '../core/dense.ts';
import { toRandom, type Random, type SeedLike } from '../core/random.ts';
import { checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007), in scikit-learn's "greedy" form: each new
 * center is the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)², the squared
 * distance to the nearest center chosen so far. Returns k rows of X.
 */
export function kmeansPlusPlusInit(X: MatrixLike, k: number, seed: SeedLike = 0): number[][] {
  const x = denseFromRows(toRows(X, 'kmeansPlusPlusInit'));
  checkPositiveInt(k, 'kmeansPlusPlusInit', 'k');
  if (k > x.rows) fail('kmeansPlusPlusInit', `k = ${k} is more than the ${x.rows} rows of X`);
  const centers = plusPlusCenters(x, k, toRandom(seed));
  return Array.from({ length: k }, (_, j) => Array.from(centers.subarray(j * x.cols, (j + 1) * x.cols)));
}

/** k-means++ on a dense matrix; the centers as one row-major Float64Array (k × d). */
export function plusPlusCenters(x: Dense, k: number, random: Random): Float64Array {
  const { rows: n, cols: d, data } = x;
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.int(n);
  centers.set(data.subarray(first * d, (first + 1) * d), 0);
  // closest[i] = D(x_i)², the squared distance to the nearest chosen center.
  const closest = distancesTo(x, first);
  let potential = sum(closest);
  const cumulative = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) cumulative[i] = running += closest[i];
    let bestPotential = Infinity;
    let bestCandidate = 0;
    let bestDistances = closest;
    for (let t = 0; t < trials; t++) {
      // Draw x with probability D(x)² / Σ D²: find where a uniform draw falls in the cumulative sum.
      const candidate = Math.min(searchSorted(cumulative, random.next() * potential), n - 1);
      const toCandidate = distancesTo(x, candidate);
      for (let i = 0; i < n; i++) if (closest[i] < toCandidate[i]) toCandidate[i] = closest[i];
      const candidatePotential = sum(toCandidate);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        bestDistances = toCandidate;
      }
    }
    centers.set(data.subarray(bestCandidate * d, (bestCandidate + 1) * d), c * d);
    closest.set(bestDistances);
    potential = bestPotential;
  }
  return centers;
}

function distancesTo(x: Dense, row: number): Float64Array {
  const { rows: n, cols: d, data } = x;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = squaredDistance(data, i * d, data, row * d, d);
  }
  return out;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** The first index whose cumulative value exceeds `target` (numpy's searchsorted, side='left'). */
function searchSorted(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
