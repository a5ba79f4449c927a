import type { Dense } from '../core/dense.ts';

/** scikit-learn's FEATURE_THRESHOLD: values closer than this are treated as equal (no split between). */
export const FEATURE_THRESHOLD = 1e-7;

export type Criterion = 'gini' | 'entropy' | 'squared_error';

/** What the tree is fitted to: class indices (classification) or real targets (regression). */
export interface TreeTargets {
  criterion: Criterion;
  /** Class index per sample (classification); unused for regression. */
  classIndex: Int32Array;
  nClasses: number;
  /** Target per sample (regression); unused for classification. */
  y: Float64Array;
  weights: Float64Array;
}

/** Weighted statistics of one node: class counts, or Σw·y and Σw·y². */
export interface NodeStats {
  weight: number;
  counts: Float64Array;
  sum: number;
  sqSum: number;
}

/** The best threshold on one feature: rows sorted[start..pos) go left. `proxy` is larger for better splits. */
export interface FeatureSplit {
  feature: number;
  pos: number;
  threshold: number;
  proxy: number;
}

/** Weighted statistics of the samples samples[start..end). */
export function nodeStats(t: TreeTargets, samples: Int32Array, start: number, end: number): NodeStats {
  const stats: NodeStats = { weight: 0, counts: new Float64Array(t.nClasses), sum: 0, sqSum: 0 };
  for (let i = start; i < end; i++) {
    const s = samples[i];
    const w = t.weights[s];
    stats.weight += w;
    if (t.criterion === 'squared_error') {
      stats.sum += w * t.y[s];
      stats.sqSum += w * t.y[s] * t.y[s];
    } else {
      stats.counts[t.classIndex[s]] += w;
    }
  }
  return stats;
}

/** Gini 1 − Σp², entropy −Σp log₂ p, or the variance Σwy²/w − (Σwy/w)² of a node. */
export function nodeImpurity(t: TreeTargets, stats: NodeStats): number {
  const w = stats.weight;
  if (t.criterion === 'squared_error') return stats.sqSum / w - (stats.sum / w) ** 2;
  let s = 0;
  for (let c = 0; c < stats.counts.length; c++) {
    const p = stats.counts[c] / w;
    if (t.criterion === 'gini') s += p * p;
    else if (p > 0) s -= p * Math.log2(p);
  }
  return t.criterion === 'gini' ? 1 - s : s;
}

/**
 * Σ over both children of w_child · impurity_child, recovered from the proxy the scan maximises:
 *   gini:    Σ w(1 − Σp²) = w − (Σc_L²/w_L + Σc_R²/w_R)
 *   entropy: Σ w·H = −(Σ c ln c − w ln w)_L,R / ln 2
 *   squared: Σ (Σwy² − (Σwy)²/w) = Σwy² − (S_L²/w_L + S_R²/w_R)
 */
export function childrenImpurityFromProxy(t: TreeTargets, stats: NodeStats, proxy: number): number {
  if (t.criterion === 'gini') return stats.weight - proxy;
  if (t.criterion === 'entropy') return -proxy / Math.LN2;
  return stats.sqSum - proxy;
}

const xlogx = (v: number): number => (v > 0 ? v * Math.log(v) : 0);

/**
 * The best split on feature f of the node whose samples are sorted[start..end) (already in
 * order of x_f, so one linear scan moves samples from right to left and updates the children's
 * statistics in O(1) each). Returns null if the feature is constant here or no position leaves
 * minSamplesLeaf samples on both sides. Thresholds are midpoints, as scikit-learn.
 */
export function bestSplitOnFeature(
  x: Dense, t: TreeTargets, f: number, sorted: Int32Array, start: number, end: number,
  stats: NodeStats, minSamplesLeaf: number, scratch: Float64Array,
): FeatureSplit | null {
  const { data, cols: d } = x;
  if (data[sorted[end - 1] * d + f] <= data[sorted[start] * d + f] + FEATURE_THRESHOLD) return null;
  const classification = t.criterion !== 'squared_error';
  const entropyCriterion = t.criterion === 'entropy';
  // Left child starts empty, right child holds the whole node.
  const countsL = scratch;
  countsL.fill(0);
  const countsR = stats.counts;
  let wL = 0, wR = stats.weight;
  let sqL = 0, sqR = 0, sumL = 0, sumR = stats.sum, eL = 0, eR = 0;
  if (classification) for (let c = 0; c < t.nClasses; c++) {
    sqR += countsR[c] * countsR[c];
    eR += xlogx(countsR[c]);
  }
  const movedR = new Float64Array(t.nClasses);
  let best: FeatureSplit | null = null;
  for (let i = start; i < end - 1; i++) {
    const s = sorted[i];
    const w = t.weights[s];
    if (classification) {
      const c = t.classIndex[s];
      const a = countsL[c], b = countsR[c] - movedR[c];
      if (entropyCriterion) {
        eL += xlogx(a + w) - xlogx(a);
        eR += xlogx(b - w) - xlogx(b);
      } else {
        // (a + w)² − a² = (2a + w)w and (b − w)² − b² = −(2b − w)w
        sqL += (2 * a + w) * w;
        sqR -= (2 * b - w) * w;
      }
      countsL[c] = a + w;
      movedR[c] += w;
    } else {
      const yw = w * t.y[s];
      sumL += yw;
      sumR -= yw;
    }
    wL += w;
    wR -= w;
    const here = data[s * d + f];
    const next = data[sorted[i + 1] * d + f];
    if (next <= here + FEATURE_THRESHOLD) continue;
    const nLeft = i + 1 - start;
    if (nLeft < minSamplesLeaf || end - start - nLeft < minSamplesLeaf) continue;
    const proxy = !classification
      ? (sumL * sumL) / wL + (sumR * sumR) / wR
      : entropyCriterion
        ? eL - xlogx(wL) + eR - xlogx(wR)
        : sqL / wL + sqR / wR;
    if (best === null || proxy > best.proxy) {
      let threshold = here / 2 + next / 2;
      if (threshold === next || !Number.isFinite(threshold)) threshold = here;
      best = { feature: f, pos: i + 1, threshold, proxy };
    }
  }
  return best;
}
