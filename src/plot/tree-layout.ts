/**
 * Where each node of a binary tree goes in a drawing, root on the left and leaves stacked top to
 * bottom: a node's column is its depth, each drawn leaf gets the next row, and an inner node sits
 * halfway between its two children (a "tidy" layout: subtrees never overlap).
 */

/** What the layout needs of a node: its children (-1 for none, scikit-learn's leaf marker). */
export interface TreeNodeLinks {
  left: number;
  right: number;
}

/** One drawn node: its index in the node list, depth, position, and whether its children are cut off. */
export interface PlacedNode {
  id: number;
  depth: number;
  /** Column: the node's depth. */
  x: number;
  /** Row: 0 for the first leaf, then 1, 2, …; inner nodes between their children. */
  y: number;
  parent: number;
  /** A split whose subtree is below the drawn depth: drawn as a leaf with "+ n nodes". */
  folded: boolean;
  /** Nodes under this one that are not drawn (0 unless folded). */
  hiddenNodes: number;
}

/** Places the nodes reachable from the root down to `maxDepth` (deeper subtrees are folded). */
export function placeTree(nodes: readonly TreeNodeLinks[], maxDepth: number): PlacedNode[] {
  const placed: PlacedNode[] = [];
  let nextRow = 0;
  const countBelow = (id: number): number => (nodes[id].left === -1 ? 0 : 2 + countBelow(nodes[id].left) + countBelow(nodes[id].right));
  const visit = (id: number, depth: number, parent: number): number => {
    const n = nodes[id];
    const isLeaf = n.left === -1;
    const folded = !isLeaf && depth >= maxDepth;
    const at: PlacedNode = { id, depth, x: depth, y: 0, parent, folded, hiddenNodes: folded ? countBelow(id) : 0 };
    placed.push(at);
    if (isLeaf || folded) {
      at.y = nextRow++;
    } else {
      // Left child (x ≤ threshold) above the right one.
      const top = visit(n.left, depth + 1, id);
      const bottom = visit(n.right, depth + 1, id);
      at.y = (top + bottom) / 2;
    }
    return at.y;
  };
  visit(0, 0, -1);
  return placed;
}

/** The nodes a row passes through from the root to its leaf (x[feature] ≤ threshold goes left). */
export function decisionPath(nodes: readonly (TreeNodeLinks & { feature: number; threshold: number })[], row: readonly number[]): number[] {
  const path = [0];
  let id = 0;
  while (nodes[id].left !== -1) {
    id = row[nodes[id].feature] <= nodes[id].threshold ? nodes[id].left : nodes[id].right;
    path.push(id);
  }
  return path;
}
