/**
 * Histogram binning, as HistGradientBoosting: each feature is cut into at most maxBins bins at
 * quantiles of its training values (or between distinct values when there are few), and trees
 * split on bin indices instead of raw values: far fewer candidate thresholds per feature.
 */
export interface Binning {
  /** edges[f] are increasing; x goes to bin b = #{edges < x}, so x ≤ edges[f][b] ⇔ bin ≤ b. */
  edges: number[][];
}

/** Bin edges for every column of X. */
export function fitBinning(rows: number[][], maxBins: number): Binning {
  const d = rows[0].length;
  const edges = Array.from({ length: d }, (_, f) => columnEdges(rows.map((r) => r[f]), maxBins));
  return { edges };
}

/** The bin index of every value (as numbers, so the trees can use them as features). */
export function applyBinning(binning: Binning, rows: number[][]): number[][] {
  return rows.map((row) => row.map((v, f) => binOf(binning.edges[f], v)));
}

/** A split "bin ≤ b" (threshold b + ½) becomes "x ≤ edges[b]" on the raw feature. */
export function binThresholdToValue(binning: Binning, feature: number, threshold: number): number {
  return binning.edges[feature][Math.floor(threshold)];
}

function columnEdges(values: number[], maxBins: number): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= maxBins) {
    // Few distinct values: one bin each, cut halfway between neighbours.
    return distinct.slice(1).map((v, i) => (distinct[i] + v) / 2);
  }
  const sorted = values.slice().sort((a, b) => a - b);
  const edges: number[] = [];
  for (let q = 1; q < maxBins; q++) {
    const edge = percentileMidpoint(sorted, (100 * q) / maxBins);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** numpy's percentile with method='midpoint'. */
function percentileMidpoint(sorted: number[], percent: number): number {
  const position = (percent / 100) * (sorted.length - 1);
  return (sorted[Math.floor(position)] + sorted[Math.ceil(position)]) / 2;
}

function binOf(edges: number[], value: number): number {
  let lo = 0, hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
