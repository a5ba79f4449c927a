/**
 * A fitted decision tree drawn as a diagram: one box per node with its split rule, sample count,
 * impurity and class mix (or mean value), root on the left, and optionally the path one sample
 * takes from the root to its leaf.
 */
import { withAlpha } from './colors.ts';
import { describe, fail, toNumbers } from './errors.ts';
import { plot, type Figure, type Trace } from './figure.ts';
import { UI_REVISION, type ChartOptions } from './layout.ts';
import { labelColors, labelName, type Label } from './scatter.ts';
import { decisionPath, placeTree, type PlacedNode } from './tree-layout.ts';

/**
 * One node of a fitted tree as the library's trees give it (`DecisionTreeClassifier.tree`): a leaf
 * has left = right = -1; rows with x[feature] ≤ threshold go left.
 */
export interface TreeNodeLike {
  feature: number;
  threshold: number;
  impurity: number;
  nSamples: number;
  /** Classification: (weighted) count of each class. Regression: [mean of y]. */
  value: readonly number[];
  left: number;
  right: number;
}

/** Options of `treeDiagram`. */
export interface TreeDiagramOptions extends ChartOptions {
  /** Names of the features in split rules (default x₁, x₂, …). @example { featureNames: ['petal length', 'petal width'] } */
  featureNames?: readonly string[];
  /** The class label of each column of a node's value, for colours and names (default 0, 1, …). @example { classes: model.classes } */
  classes?: readonly Label[];
  /** Names for the class labels, by label. @example { labelNames: ['setosa', 'versicolor', 'virginica'] } */
  labelNames?: readonly string[] | Record<string, string>;
  /** Name of the impurity shown in each box (default 'impurity'). @example { criterion: 'gini' } */
  criterion?: string;
  /** Levels drawn below the root (default 3); deeper subtrees fold into one box. @example { maxDepth: 5 } */
  maxDepth?: number;
  /** A sample (one row of features): its path from the root to its leaf is drawn bold. @example { highlight: X[0] } */
  highlight?: readonly number[];
  /** Draw node values as regression means even if they have one column (default: one column means regression). @example { task: 'classification' } */
  task?: 'classification' | 'regression';
}

/** A fitted tree: its node list, or an object that has one (a fitted DecisionTreeClassifier). */
export type TreeInput = readonly TreeNodeLike[] | { tree?: readonly TreeNodeLike[] };

/** Colour of the highlighted sample's path (gold: no class colour until the eleventh class). */
const PATH_COLOR = '#b8860b';
const EDGE_COLOR = 'rgba(128,128,128,0.7)';
/** Pixels per leaf row: a box of four lines of 10 px text plus padding, and a gap. */
const ROW_HEIGHT = 70;

/**
 * A fitted tree as a diagram: split rule, samples, impurity and class mix (or value) in each node;
 * the left branch (x ≤ threshold) is drawn above the right one. Works for any tree of the library:
 * a DecisionTreeClassifier or Regressor, a tree of a random forest, a stage of gradient boosting.
 * @example treeDiagram(new DecisionTreeClassifier({ maxDepth: 3 }).fit(X, y), { criterion: 'gini', highlight: X[0] })
 * @example treeDiagram(forest.estimators[0].tree, { maxDepth: 2 })
 * @example treeDiagram(boosting.estimators[5][0], { featureNames: ['x'] })
 */
export function treeDiagram(tree: TreeInput, opts: TreeDiagramOptions = {}): Figure {
  const where = 'treeDiagram';
  const nodes = checkedNodes(tree, where);
  const maxDepth = opts.maxDepth ?? 3;
  if (!Number.isInteger(maxDepth) || maxDepth < 0) fail(where, `maxDepth must be an integer ≥ 0, got ${describe(maxDepth)}`);
  const placed = placeTree(nodes, maxDepth);
  const byId = new Map(placed.map((p) => [p.id, p]));
  const classification = opts.task === undefined ? nodes[0].value.length > 1 : opts.task === 'classification';
  const classes = opts.classes ?? nodes[0].value.map((_, k) => k);
  if (classification && classes.length !== nodes[0].value.length) {
    fail(where, `classes has ${classes.length} labels but each node has ${nodes[0].value.length} class counts; give one label per column`);
  }
  const colors = labelColors(classes);
  const path = opts.highlight === undefined ? [] : highlightedPath(nodes, opts.highlight, where).filter((id) => byId.has(id));
  const onPath = new Set(path);
  const format = new NodeText(nodes, classification, classes, colors, opts);

  const annotations = placed.map((p) => {
    const n = nodes[p.id];
    const color = classification ? colors[argmax(n.value)] : 'rgba(128,128,128,1)';
    const purity = classification ? Math.max(...n.value) / sum(n.value) : 0.5;
    return {
      x: p.x, y: p.y, xref: 'x', yref: 'y', showarrow: false,
      text: format.box(p), align: 'center', font: { size: 10 },
      bgcolor: classification ? withAlpha(color, 0.05 + 0.2 * purity) : 'rgba(128,128,128,0.12)',
      bordercolor: onPath.has(p.id) ? PATH_COLOR : classification ? color : 'rgba(128,128,128,0.8)',
      borderwidth: onPath.has(p.id) ? 3 : 1, borderpad: 3,
    };
  });
  const data: Trace[] = [
    elbowTrace(placed.filter((p) => p.parent >= 0), byId, { name: 'branches', line: { color: EDGE_COLOR, width: 1.5 } }),
    branchLabels(placed, byId),
    {
      type: 'scatter', mode: 'markers', name: 'nodes', showlegend: false,
      x: placed.map((p) => p.x), y: placed.map((p) => p.y), customdata: placed.map((p) => p.id),
      marker: { size: 30, opacity: 0 }, hovertext: placed.map((p) => format.hover(p)), hoverinfo: 'text',
    },
  ];
  if (path.length > 1) {
    data.push(elbowTrace(path.slice(1).map((id) => byId.get(id)!), byId, { name: 'path of the sample', line: { color: PATH_COLOR, width: 4 } }));
  }
  const rows = placed.filter((p) => p.folded || nodes[p.id].left === -1).length;
  const columns = Math.max(...placed.map((p) => p.depth)) + 1;
  const hidden = { visible: false, fixedrange: false, zeroline: false, showgrid: false };
  return plot(data, {
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    xaxis: { ...hidden, range: [-0.6, columns - 0.4] },
    yaxis: { ...hidden, range: [rows - 0.5, -0.5] },
    annotations,
    showlegend: opts.showLegend ?? false,
    margin: { l: 10, r: 10, t: opts.title !== undefined ? 40 : 10, b: 10 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    hovermode: 'closest',
    uirevision: UI_REVISION,
    height: opts.height ?? Math.max(160, rows * ROW_HEIGHT + (opts.title !== undefined ? 50 : 20)),
    ...(opts.width !== undefined ? { width: opts.width } : {}),
  });
}

/** The node list of a tree input, checked: a non-empty array whose children point inside it. */
function checkedNodes(tree: TreeInput, where: string): readonly TreeNodeLike[] {
  const nodes = Array.isArray(tree) ? tree : (tree as { tree?: readonly TreeNodeLike[] } | null)?.tree;
  if (!Array.isArray(nodes)) {
    fail(where, `tree must be a fitted tree or its node list (model.tree), got ${tree === null || typeof tree !== 'object' || Array.isArray(tree) ? describe(tree) : 'an object without a node list (is the model fitted?)'}`);
  }
  if (nodes.length === 0) fail(where, 'tree has no nodes');
  nodes.forEach((n, i) => {
    if (typeof n !== 'object' || n === null || !Array.isArray(n.value)) fail(where, `tree[${i}] is ${describe(n)}, expected a node like { feature, threshold, impurity, nSamples, value, left, right }`);
    for (const child of [n.left, n.right]) {
      if (child !== -1 && !(Number.isInteger(child) && child > i && child < nodes.length)) fail(where, `tree[${i}] has child ${describe(child)}, expected -1 or a node index after ${i} and below ${nodes.length}`);
    }
  });
  return nodes;
}

function highlightedPath(nodes: readonly TreeNodeLike[], row: readonly number[], where: string): number[] {
  const values = toNumbers(row, where, 'highlight');
  const used = Math.max(-1, ...nodes.map((n) => (n.left === -1 ? -1 : n.feature)));
  if (values.length <= used) fail(where, `highlight has ${values.length} features but the tree splits on feature ${used}; give one full row of X`);
  return decisionPath(nodes, values);
}

/** Elbow connectors from each node's parent: across half a column, down or up, across again. */
function elbowTrace(children: readonly PlacedNode[], byId: Map<number, PlacedNode>, style: Trace): Trace {
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  for (const c of children) {
    const p = byId.get(c.parent)!;
    const mid = (p.x + c.x) / 2;
    x.push(p.x, mid, mid, c.x, null);
    y.push(p.y, p.y, c.y, c.y, null);
  }
  return { type: 'scatter', mode: 'lines', x, y, hoverinfo: 'skip', showlegend: style.name === 'path of the sample', ...style };
}

/** "≤" and ">" on the two branches of each split, halfway between parent and child. */
function branchLabels(placed: readonly PlacedNode[], byId: Map<number, PlacedNode>): Trace {
  const children = placed.filter((p) => p.parent >= 0);
  const isLeft = (c: PlacedNode) => c.y < byId.get(c.parent)!.y;
  return {
    type: 'scatter', mode: 'text', name: 'branch', showlegend: false, hoverinfo: 'skip',
    x: children.map((c) => (byId.get(c.parent)!.x + c.x) / 2),
    y: children.map((c) => (byId.get(c.parent)!.y + c.y) / 2),
    text: children.map((c) => (isLeft(c) ? '≤' : '>')),
    textposition: 'middle left',
    textfont: { size: 11, color: EDGE_COLOR },
  };
}

/** The text of a node's box and of its hover label. */
class NodeText {
  constructor(
    private readonly nodes: readonly TreeNodeLike[],
    private readonly classification: boolean,
    private readonly classes: readonly Label[],
    private readonly colors: readonly string[],
    private readonly opts: TreeDiagramOptions,
  ) {}

  box(p: PlacedNode): string {
    const n = this.nodes[p.id];
    const isLeaf = n.left === -1;
    const head = isLeaf ? this.prediction(n) : `<b>${this.rule(n)}</b>`;
    const lines = [head, `n = ${n.nSamples}`, `${this.opts.criterion ?? 'impurity'} ${short(n.impurity)}`];
    // A class-coloured square before each count: the number keeps the theme's text colour, readable on any tint.
    if (this.classification) lines.push(n.value.map((c, k) => `<span style="color:${this.colors[k]}">■</span> ${count(c)}`).join(' '));
    else if (!isLeaf) lines.push(`value = ${short(n.value[0])}`);
    if (p.folded) lines.push(`<i>+ ${p.hiddenNodes} nodes</i>`);
    return lines.join('<br>');
  }

  hover(p: PlacedNode): string {
    const n = this.nodes[p.id];
    const lines = [`node ${p.id}, depth ${p.depth}`, n.left === -1 ? 'leaf' : `split: ${this.rule(n, 6)}`, `samples: ${n.nSamples}`, `${this.opts.criterion ?? 'impurity'}: ${n.impurity.toPrecision(4)}`];
    if (this.classification) lines.push(...n.value.map((c, k) => `${labelName(this.classes[k], this.opts.labelNames)}: ${count(c)}`));
    else lines.push(`value: ${n.value[0].toPrecision(4)}`);
    if (p.folded) lines.push(`${p.hiddenNodes} nodes below not drawn (maxDepth ${this.opts.maxDepth ?? 3})`);
    return lines.join('<br>');
  }

  private rule(n: TreeNodeLike, digits = 3): string {
    const name = this.opts.featureNames?.[n.feature] ?? `x${subscript(n.feature + 1)}`;
    return `${name} ≤ ${digits === 3 ? short(n.threshold) : n.threshold.toPrecision(digits)}`;
  }

  private prediction(n: TreeNodeLike): string {
    if (!this.classification) return `<b>value = ${short(n.value[0])}</b>`;
    return `<b>→ ${labelName(this.classes[argmax(n.value)], this.opts.labelNames)}</b>`;
  }
}

/** A number in three significant digits, without exponent for everyday magnitudes. */
function short(v: number): string {
  // A mean residual of 1e-16 is rounding error around 0, not a value to print as 2.33e-16.
  if (Math.abs(v) < 1e-12) return '0';
  if (Math.abs(v) >= 1000) return v.toFixed(0);
  return String(Number(v.toPrecision(3)));
}

/** A (weighted) count: whole numbers as they are, others to one decimal. */
function count(c: number): string {
  return Number.isInteger(c) ? String(c) : c.toFixed(1);
}

function subscript(k: number): string {
  return String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
