/**
 * One node of a fitted tree, as plain data a notebook can draw. A leaf has left = right = -1
 * and feature = threshold = -2 (scikit-learn's markers). Rows with x[feature] ≤ threshold go left.
 */
export interface TreeNode {
  feature: number;
  threshold: number;
  impurity: number;
  nSamples: number;
  weightedNSamples: number;
  /** Classifier: weighted count of each class in the node. Regressor: [mean of y]. */
  value: number[];
  left: number;
  right: number;
}

/** Index of the leaf each row lands in. */
export function leafIndices(nodes: readonly TreeNode[], rows: readonly (readonly number[])[]): number[] {
  return rows.map((row) => {
    let node = 0;
    while (nodes[node].left !== -1) {
      const n = nodes[node];
      node = row[n.feature] <= n.threshold ? n.left : n.right;
    }
    return node;
  });
}

/** Length of the longest root-to-leaf path. */
export function treeDepth(nodes: readonly TreeNode[]): number {
  const depthOf = (node: number): number => (nodes[node].left === -1 ? 0 : 1 + Math.max(depthOf(nodes[node].left), depthOf(nodes[node].right)));
  return depthOf(0);
}

/** Normalised total impurity decrease per feature (mean decrease in impurity). */
export function impurityImportances(nodes: readonly TreeNode[], nFeatures: number): number[] {
  const importances = new Array<number>(nFeatures).fill(0);
  for (const n of nodes) {
    if (n.left === -1) continue;
    const l = nodes[n.left], r = nodes[n.right];
    importances[n.feature] += n.weightedNSamples * n.impurity - l.weightedNSamples * l.impurity - r.weightedNSamples * r.impurity;
  }
  const total = importances.reduce((s, v) => s + v, 0);
  return total > 0 ? importances.map((v) => v / total) : importances;
}
