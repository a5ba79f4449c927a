import type { Dense } from '../core/dense.ts';
import type { Random } from '../core/random.ts';
import {
  FEATURE_THRESHOLD, bestSplitOnFeature, childrenImpurityFromProxy, nodeImpurity, nodeStats,
  type FeatureSplit, type NodeStats, type TreeTargets,
} from './split-search.ts';
import type { TreeNode } from './tree-data.ts';

/** numpy's float64 epsilon: a node this pure is a leaf (scikit-learn's EPSILON). */
const EPSILON = 2.220446049250313e-16;

export interface GrowOptions {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** How many non-constant features to try at each node (all of them when ≥ n_features). */
  maxFeatures: number;
  /** Set → best-first (leaf-wise) growth up to this many leaves; undefined → depth-first. */
  maxLeafNodes: number | undefined;
  minImpurityDecrease: number;
  random: Random;
}

/** The best split of one feature at a node, as shown to a learner. */
export interface SplitCandidate {
  feature: number;
  threshold: number;
  impurityDecrease: number;
}

/** One split as it is made: where, on what, how much it helped, and what else was considered. */
export interface TreeSplitStep {
  node: number;
  depth: number;
  feature: number;
  threshold: number;
  /** (w_node / w_total)(impurity − w_L/w·impurity_L − w_R/w·impurity_R), scikit-learn's improvement. */
  impurityDecrease: number;
  impurity: number;
  nSamples: number;
  /** The best split found on each feature that was tried, in the order tried. */
  candidates: SplitCandidate[];
  /**
   * The features drawn and searched at this node, in the order drawn: all non-constant ones, or
   * with maxFeatures the first maxFeatures non-constant ones of a random order (a random forest's
   * feature subset). A feature here may have no candidate when no threshold keeps minSamplesLeaf.
   */
  featuresTried: number[];
}

interface Pending {
  id: number;
  start: number;
  end: number;
  depth: number;
  stats: NodeStats;
  split: FeatureSplit | null;
  /** The impurity decrease of `split`. */
  improvement: number;
  candidates: SplitCandidate[];
  featuresTried: number[];
}

/**
 * Grows a CART tree one split at a time (a generator: yields each split, returns the nodes).
 *
 * Fast path: every feature is sorted once, up front. A node owns the same range [start, end) of
 * each feature's sorted index list; splitting it partitions each list's range stably into left
 * then right, so children stay sorted and no node ever sorts again (O(n·d) per tree level).
 */
export function* growTree(x: Dense, targets: TreeTargets, options: GrowOptions): Generator<TreeSplitStep, TreeNode[]> {
  const active: number[] = [];
  for (let i = 0; i < x.rows; i++) if (targets.weights[i] > 0) active.push(i);
  const sorted = presort(x, active);
  const n = active.length;
  const goesLeft = new Uint8Array(x.rows);
  const buffer = new Int32Array(n);
  const scratch = new Float64Array(targets.nClasses);
  const nodes: TreeNode[] = [];
  const rootStats = nodeStats(targets, sorted[0], 0, n);
  const totalWeight = rootStats.weight;

  const addNode = (start: number, end: number, depth: number, stats: NodeStats): Pending => {
    const impurity = nodeImpurity(targets, stats);
    const id = nodes.length;
    nodes.push({
      feature: -2, threshold: -2, impurity, nSamples: end - start, weightedNSamples: stats.weight,
      value: targets.criterion === 'squared_error' ? [stats.sum / stats.weight] : Array.from(stats.counts), left: -1, right: -1,
    });
    const nNode = end - start;
    const leaf = depth >= options.maxDepth || nNode < options.minSamplesSplit || nNode < 2 * options.minSamplesLeaf || impurity <= EPSILON;
    const pending: Pending = { id, start, end, depth, stats, split: null, improvement: 0, candidates: [], featuresTried: [] };
    if (!leaf) findSplit(pending, impurity);
    return pending;
  };

  const findSplit = (node: Pending, impurity: number): void => {
    const order = options.maxFeatures >= x.cols ? Array.from({ length: x.cols }, (_, f) => f) : options.random.permutation(x.cols);
    let tried = 0;
    for (const f of order) {
      if (tried >= options.maxFeatures) break;
      const lo = x.data[sorted[f][node.start] * x.cols + f];
      const hi = x.data[sorted[f][node.end - 1] * x.cols + f];
      if (hi <= lo + FEATURE_THRESHOLD) continue; // constant here: does not count as tried
      tried++;
      node.featuresTried.push(f);
      const split = bestSplitOnFeature(x, targets, f, sorted[f], node.start, node.end, node.stats, options.minSamplesLeaf, scratch);
      if (split === null) continue;
      const decrease = (node.stats.weight * impurity - childrenImpurityFromProxy(targets, node.stats, split.proxy)) / totalWeight;
      node.candidates.push({ feature: f, threshold: split.threshold, impurityDecrease: decrease });
      if (node.split === null || split.proxy > node.split.proxy) {
        node.split = split;
        node.improvement = decrease;
      }
    }
  };

  /** Applies the node's split: partitions every sorted list and returns the children's ranges. */
  const partition = (node: Pending): { pos: number; leftStats: NodeStats; rightStats: NodeStats } => {
    const split = node.split!;
    const { start, end } = node;
    for (let i = start; i < end; i++) goesLeft[sorted[split.feature][i]] = i < split.pos ? 1 : 0;
    for (let f = 0; f < x.cols; f++) if (f !== split.feature) stablePartition(sorted[f], start, end, goesLeft, buffer);
    return { pos: split.pos, leftStats: nodeStats(targets, sorted[0], start, split.pos), rightStats: nodeStats(targets, sorted[0], split.pos, end) };
  };

  /** Describes the split of `node` into children with these statistics. */
  const describe = (node: Pending, leftStats: NodeStats, rightStats: NodeStats): TreeSplitStep => {
    const record = nodes[node.id];
    record.feature = node.split!.feature;
    record.threshold = node.split!.threshold;
    const w = record.weightedNSamples;
    const impurityL = nodeImpurity(targets, leftStats), impurityR = nodeImpurity(targets, rightStats);
    const impurityDecrease = (w / totalWeight) * (record.impurity - (leftStats.weight / w) * impurityL - (rightStats.weight / w) * impurityR);
    return {
      node: node.id, depth: node.depth, feature: record.feature, threshold: record.threshold, impurityDecrease,
      impurity: record.impurity, nSamples: record.nSamples, candidates: node.candidates, featuresTried: node.featuresTried,
    };
  };

  const worthSplitting = (node: Pending): boolean => node.split !== null && node.improvement + EPSILON >= options.minImpurityDecrease;

  if (options.maxLeafNodes === undefined) {
    // Depth-first, numbered in pre-order as scikit-learn: a node gets its id when it is taken
    // off the stack, and the left subtree is finished before the right one starts.
    const stack = [{ start: 0, end: n, depth: 0, stats: rootStats, parent: -1, isLeft: false }];
    while (stack.length > 0) {
      const item = stack.pop()!;
      const node = addNode(item.start, item.end, item.depth, item.stats);
      if (item.parent >= 0) {
        if (item.isLeft) nodes[item.parent].left = node.id;
        else nodes[item.parent].right = node.id;
      }
      if (!worthSplitting(node)) continue;
      const { pos, leftStats, rightStats } = partition(node);
      yield describe(node, leftStats, rightStats);
      stack.push(
        { start: pos, end: item.end, depth: item.depth + 1, stats: rightStats, parent: node.id, isLeft: false },
        { start: item.start, end: pos, depth: item.depth + 1, stats: leftStats, parent: node.id, isLeft: true },
      );
    }
  } else {
    // Best-first (leaf-wise): always split the leaf whose best split decreases impurity most.
    const root = addNode(0, n, 0, rootStats);
    const frontier: Pending[] = worthSplitting(root) ? [root] : [];
    let leaves = 1;
    while (frontier.length > 0 && leaves < options.maxLeafNodes) {
      let at = 0;
      for (let i = 1; i < frontier.length; i++) if (frontier[i].improvement > frontier[at].improvement) at = i;
      const [node] = frontier.splice(at, 1);
      const { pos, leftStats, rightStats } = partition(node);
      const left = addNode(node.start, pos, node.depth + 1, leftStats);
      const right = addNode(pos, node.end, node.depth + 1, rightStats);
      nodes[node.id].left = left.id;
      nodes[node.id].right = right.id;
      leaves++;
      yield describe(node, leftStats, rightStats);
      for (const child of [left, right]) if (worthSplitting(child)) frontier.push(child);
    }
  }
  return nodes;
}

/** For each feature, the active sample indices in increasing order of that feature. */
function presort(x: Dense, active: number[]): Int32Array[] {
  const { cols: d, data } = x;
  return Array.from({ length: d }, (_, f) => {
    const idx = Int32Array.from(active);
    return idx.sort((a, b) => data[a * d + f] - data[b * d + f] || a - b);
  });
}

/** Rearranges list[start..end) so rows marked left come first, each side keeping its order. */
function stablePartition(list: Int32Array, start: number, end: number, goesLeft: Uint8Array, buffer: Int32Array): void {
  let l = start, r = 0;
  for (let i = start; i < end; i++) {
    const s = list[i];
    if (goesLeft[s] === 1) list[l++] = s;
    else buffer[r++] = s;
  }
  list.set(buffer.subarray(0, r), l);
}
