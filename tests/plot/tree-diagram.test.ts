import { describe, expect, it } from 'vitest';
import { GradientBoostingRegressor, RandomForestClassifier } from '../../src/ml/ensemble/index.ts';
import { DecisionTreeClassifier } from '../../src/ml/tree/index.ts';
import { colorFor, PlotInputError, treeDiagram, type TreeNodeLike } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

/**
 * A hand-built tree: root splits x₁ ≤ 0.5; its left child is a leaf of class 0, its right child
 * splits x₂ ≤ 2 into a class-1 leaf and a class-2 leaf.
 */
const nodes: TreeNodeLike[] = [
  { feature: 0, threshold: 0.5, impurity: 0.64, nSamples: 10, value: [4, 3, 3], left: 1, right: 2 },
  { feature: -2, threshold: -2, impurity: 0, nSamples: 4, value: [4, 0, 0], left: -1, right: -1 },
  { feature: 1, threshold: 2, impurity: 0.5, nSamples: 6, value: [0, 3, 3], left: 3, right: 4 },
  { feature: -2, threshold: -2, impurity: 0, nSamples: 3, value: [0, 3, 0], left: -1, right: -1 },
  { feature: -2, threshold: -2, impurity: 0, nSamples: 3, value: [0, 0, 3], left: -1, right: -1 },
];

type Annotation = { x: number; y: number; text: string; bordercolor: string; borderwidth: number };
const annotations = (fig: ReturnType<typeof treeDiagram>) => fig.layout.annotations as Annotation[];
const trace = (fig: ReturnType<typeof treeDiagram>, name: string) => fig.data.find((t) => t.name === name);

describe('treeDiagram', () => {
  it('treeDiagram draws one box per node with rule, samples, impurity and class mix, root left, the ≤ branch above', () => {
    const fig = treeDiagram(nodes, { criterion: 'gini', featureNames: ['a', 'b'] });
    expectPlainFigure(fig);
    const boxes = annotations(fig);
    expect(boxes).toHaveLength(5);
    const [root, leaf0, inner, leaf1, leaf2] = boxes;
    expect(root.text).toContain('<b>a ≤ 0.5</b>');
    expect(root.text).toContain('n = 10');
    expect(root.text).toContain('gini 0.64');
    expect(root.text).toContain(`<span style="color:${colorFor(0)}">■</span> 4 <span style="color:${colorFor(1)}">■</span> 3`);
    expect(inner.text).toContain('<b>b ≤ 2</b>');
    expect(leaf1.text).toContain('→ class 1');
    expect(leaf2.text).toContain('→ class 2');
    // Columns are depths; leaves take rows 0, 1, 2 in order; a split sits between its children.
    expect(boxes.map((b) => [b.x, b.y])).toEqual([[0, 0.75], [1, 0], [1, 1.5], [2, 1], [2, 2]]);
    expect(leaf0.bordercolor).toBe(colorFor(0));
    // Four branches, each an elbow of four points and a gap, labelled ≤ (upper) and > (lower).
    expect(trace(fig, 'branches')!.x).toHaveLength(20);
    expect(trace(fig, 'branch')!.text).toEqual(['≤', '>', '≤', '>']);
    expect(trace(fig, 'nodes')!.customdata).toEqual([0, 1, 2, 3, 4]);
    expect(fig.layout.yaxis).toMatchObject({ range: [2.5, -0.5] });
  });

  it('treeDiagram highlights the path of one sample: its boxes bordered thick and a path trace through them', () => {
    const fig = treeDiagram(nodes, { highlight: [0.9, 3] });
    const path = trace(fig, 'path of the sample')!;
    // root (0, 0.75) → node 2 (1, 1.5) → node 4 (2, 2), as elbows.
    expect(path.x).toEqual([0, 0.5, 0.5, 1, null, 1, 1.5, 1.5, 2, null]);
    expect(path.y).toEqual([0.75, 0.75, 1.5, 1.5, null, 1.5, 1.5, 2, 2, null]);
    expect(annotations(fig).map((b) => b.borderwidth)).toEqual([3, 1, 3, 1, 3]);
    expect(trace(treeDiagram(nodes), 'path of the sample')).toBeUndefined();
  });

  it('treeDiagram folds subtrees below maxDepth into one box that counts the hidden nodes', () => {
    const fig = treeDiagram(nodes, { maxDepth: 1, highlight: [0.9, 3] });
    const boxes = annotations(fig);
    expect(boxes).toHaveLength(3);
    expect(boxes[2].text).toContain('+ 2 nodes');
    // The path stops at the folded box.
    expect(trace(fig, 'path of the sample')!.x).toEqual([0, 0.5, 0.5, 1, null]);
    expect(annotations(treeDiagram(nodes, { maxDepth: 0 }))[0].text).toContain('+ 4 nodes');
  });

  it('treeDiagram draws a fitted DecisionTreeClassifier: every node down to maxDepth, the sample path ending in the leaf apply() gives', () => {
    const X = Array.from({ length: 40 }, (_, i) => [Math.sin(i) * 3, Math.cos(i * 1.7) * 2]);
    const y = X.map(([a, b]) => (a + b > 0 ? 1 : a > -1 ? 0 : 2));
    const model = new DecisionTreeClassifier({ maxDepth: 3 }).fit(X, y);
    const fig = treeDiagram(model, { classes: model.classes, highlight: X[7] });
    expect(annotations(fig)).toHaveLength(model.tree!.length);
    const ids = trace(fig, 'nodes')!.customdata as number[];
    const leaf = model.apply([X[7]])[0];
    const leafBox = annotations(fig)[ids.indexOf(leaf)];
    expect(leafBox.borderwidth).toBe(3);
    expect(leafBox.text).toContain(`→ class ${model.predict([X[7]])[0]}`);
  });

  it('treeDiagram draws a tree of a random forest and a gradient-boosting stage (values as means)', () => {
    const X = Array.from({ length: 30 }, (_, i) => [i / 10, (i * 7) % 5]);
    const forest = new RandomForestClassifier({ nEstimators: 3, maxDepth: 2, seed: 1 }).fit(X, X.map(([a]) => (a > 1.5 ? 1 : 0)));
    const forestTree = forest.estimators![1].tree!;
    expect(annotations(treeDiagram(forestTree))).toHaveLength(forestTree.length);

    const boosting = new GradientBoostingRegressor({ nEstimators: 2, maxDepth: 2 }).fit(X, X.map(([a]) => a * a));
    const stage = boosting.estimators![1][0];
    const fig = treeDiagram(stage, { criterion: 'squared error' });
    const leaves = stage.tree!.flatMap((n, i) => (n.left === -1 ? [i] : []));
    const ids = trace(fig, 'nodes')!.customdata as number[];
    for (const leaf of leaves) expect(annotations(fig)[ids.indexOf(leaf)].text).toContain(`value = ${Number(stage.tree![leaf].value[0].toPrecision(3))}`);
  });

  it('treeDiagram names what is wrong with its input', () => {
    expect(() => treeDiagram(new DecisionTreeClassifier())).toThrow(/treeDiagram: tree must be a fitted tree.*is the model fitted/);
    expect(() => treeDiagram([])).toThrow('treeDiagram: tree has no nodes');
    expect(() => treeDiagram([{ ...nodes[0], left: 7 }])).toThrow('treeDiagram: tree[0] has child 7');
    expect(() => treeDiagram(nodes, { highlight: [1] })).toThrow('highlight has 1 features but the tree splits on feature 1');
    expect(() => treeDiagram(nodes, { classes: [0, 1] })).toThrow('classes has 2 labels but each node has 3 class counts');
    expect(() => treeDiagram(nodes, { maxDepth: -1 })).toThrow(PlotInputError);
  });

  it('treeDiagram prints a mean of rounding error (1e-16) as 0', () => {
    const stage: TreeNodeLike[] = [{ feature: -2, threshold: -2, impurity: 1, nSamples: 5, value: [-2.3e-16], left: -1, right: -1 }];
    expect(annotations(treeDiagram(stage))[0].text).toContain('<b>value = 0</b>');
  });
});
