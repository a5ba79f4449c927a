import type { Random } from '../core/random.ts';

/**
 * An isolation tree as flat arrays (scikit-learn's tree_ layout): node 0 is the root; a leaf has
 * left = right = -1. A row goes left when x[feature] ≤ threshold.
 */
export interface IsolationTree {
  left: number[];
  right: number[];
  feature: number[];
  threshold: number[];
  /** How many of the tree's training rows reached each node. */
  nSamples: number[];
}

/**
 * Grows an isolation tree on the given rows: each node picks a random feature that is not
 * constant there and a threshold uniform between its smallest and largest value, until a node
 * holds one row, all its rows are equal, or it is maxDepth deep.
 */
export function growIsolationTree(rows: readonly (readonly number[])[], maxDepth: number, random: Random): IsolationTree {
  const tree: IsolationTree = { left: [], right: [], feature: [], threshold: [], nSamples: [] };
  const d = rows[0].length;
  const grow = (members: number[], depth: number): number => {
    const node = tree.left.length;
    tree.left.push(-1);
    tree.right.push(-1);
    tree.feature.push(-1);
    tree.threshold.push(NaN);
    tree.nSamples.push(members.length);
    if (members.length <= 1 || depth >= maxDepth) return node;
    const ranges: { f: number; lo: number; hi: number }[] = [];
    for (let f = 0; f < d; f++) {
      let lo = Infinity, hi = -Infinity;
      for (const i of members) {
        if (rows[i][f] < lo) lo = rows[i][f];
        if (rows[i][f] > hi) hi = rows[i][f];
      }
      if (hi > lo) ranges.push({ f, lo, hi });
    }
    if (ranges.length === 0) return node; // all rows equal: nothing can isolate them
    const { f, lo, hi } = ranges[random.int(ranges.length)];
    let threshold = random.uniform(lo, hi);
    // As scikit-learn: a threshold drawn at the very top would send every row left.
    if (threshold === hi) threshold = lo;
    tree.feature[node] = f;
    tree.threshold[node] = threshold;
    tree.left[node] = grow(members.filter((i) => rows[i][f] <= threshold), depth + 1);
    tree.right[node] = grow(members.filter((i) => rows[i][f] > threshold), depth + 1);
    return node;
  };
  grow(rows.map((_, i) => i), 0);
  return tree;
}

/** The nodes a row passes through, root first, leaf last. */
export function isolationPath(tree: IsolationTree, x: readonly number[]): number[] {
  const nodes = [0];
  let node = 0;
  while (tree.left[node] !== -1) {
    node = x[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
    nodes.push(node);
  }
  return nodes;
}

/**
 * c(n), the average path length of an unsuccessful search in a binary search tree of n items:
 * 2 H(n − 1) − 2 (n − 1)/n with H(i) ≈ ln i + γ; c(1) = 0 and c(2) = 1. Liu et al. use it both to
 * normalise path lengths and to credit a leaf that still holds n rows with the depth a full tree
 * would have needed to isolate them.
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649015329) - (2 * (n - 1)) / n;
}

/** h(x) in one tree: the edges from the root to x's leaf, plus c(rows in that leaf). */
export function isolationPathLength(tree: IsolationTree, x: readonly number[]): number {
  const nodes = isolationPath(tree, x);
  return nodes.length - 1 + averagePathLength(tree.nSamples[nodes[nodes.length - 1]]);
}

/**
 * scikit-learn's score_samples: −2^(−E[h(x)] / c(maxSamples)), the mean path length over the
 * trees, normalised. Near −1 for anomalies (isolated in few splits), near −0.5 or above for
 * ordinary rows.
 */
export function isolationScores(trees: readonly IsolationTree[], X: readonly (readonly number[])[], maxSamples: number): number[] {
  const c = averagePathLength(maxSamples);
  return X.map((x) => {
    const mean = trees.reduce((s, tree) => s + isolationPathLength(tree, x), 0) / trees.length;
    // A forest on one row has c = 0 and every h = 0: scikit-learn scores that row −1.
    return c === 0 ? -1 : -(2 ** (-mean / c));
  });
}
