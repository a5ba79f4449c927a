import { toDense } from '../core/dense-input.ts';
import { rng } from '../core/random.ts';
import { checkFitted, checkOneOf, checkPositiveInt, checkRange, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { growTree, type TreeSplitStep } from './builder.ts';
import { resolveMaxFeatures, type MaxFeatures } from './max-features.ts';
import type { Criterion, TreeTargets } from './split-search.ts';
import { impurityImportances, leafIndices, treeDepth, type TreeNode } from './tree-data.ts';
import { runToEnd } from '../core/run-to-end.ts';

export interface TreeParams<C extends Criterion> {
  criterion: C;
  /** undefined: grow until leaves are pure or too small to split. */
  maxDepth: number | undefined;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  maxFeatures: MaxFeatures;
  /** Set → grow best-first (the most useful split anywhere next) up to this many leaves. */
  maxLeafNodes: number | undefined;
  minImpurityDecrease: number;
  /** Seeds the feature order when maxFeatures < n_features. */
  seed: number;
}

/** What decision tree classifiers and regressors share: growing, the node list, apply, depth. */
export abstract class BaseDecisionTree<C extends Criterion> {
  readonly params: Readonly<TreeParams<C>>;
  /** The fitted tree as plain data: node 0 is the root. */
  tree?: TreeNode[];
  featureImportances?: number[];
  nFeatures?: number;

  protected constructor(params: TreeParams<C>) {
    this.params = params;
  }

  protected abstract readonly name: string;
  protected abstract readonly criteria: readonly C[];
  /** Targets in the form the builder wants; classifiers also learn their classes here. */
  protected abstract prepareTargets(y: number[], weights: Float64Array): TreeTargets;

  /** Grows the tree one split at a time, yielding each split (fit runs this to the end). */
  *steps(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): Generator<TreeSplitStep, this> {
    const where = `${this.name}.fit`;
    const x = toDense(X, where);
    const labels = toVector(y, where, { length: x.rows });
    const weights = sampleWeight === undefined
      ? new Float64Array(x.rows).fill(1)
      : Float64Array.from(toVector(sampleWeight, where, { name: 'sampleWeight', length: x.rows }));
    if (weights.some((w) => w < 0)) fail(where, 'sampleWeight must not be negative');
    if (!weights.some((w) => w > 0)) fail(where, 'sampleWeight must have at least one positive weight');
    const p = this.params;
    checkOneOf(p.criterion, this.criteria, where, 'criterion');
    if (p.maxDepth !== undefined) checkPositiveInt(p.maxDepth, where, 'maxDepth', 1);
    checkPositiveInt(p.minSamplesSplit, where, 'minSamplesSplit', 2);
    checkPositiveInt(p.minSamplesLeaf, where, 'minSamplesLeaf');
    if (p.maxLeafNodes !== undefined) checkPositiveInt(p.maxLeafNodes, where, 'maxLeafNodes', 2);
    checkRange(p.minImpurityDecrease, where, 'minImpurityDecrease', 0, Infinity);
    const targets = this.prepareTargets(labels, weights);
    const grow = growTree(x, targets, {
      maxDepth: p.maxDepth ?? Infinity,
      minSamplesSplit: p.minSamplesSplit,
      minSamplesLeaf: p.minSamplesLeaf,
      maxFeatures: resolveMaxFeatures(p.maxFeatures, x.cols, where),
      maxLeafNodes: p.maxLeafNodes,
      minImpurityDecrease: p.minImpurityDecrease,
      random: rng(p.seed),
    });
    let result = grow.next();
    while (!result.done) {
      yield result.value;
      result = grow.next();
    }
    this.tree = result.value;
    this.nFeatures = x.cols;
    this.featureImportances = impurityImportances(this.tree, x.cols);
    return this;
  }

  /** Grows the tree on X, y (optionally weighting each row). */
  fit(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    runToEnd(this.steps(X, y, sampleWeight));
    return this;
  }

  /** The index (into `tree`) of the leaf each row ends in. */
  apply(X: MatrixLike): number[] {
    return leafIndices(this.fittedTree('apply'), this.checkedRows(X, 'apply'));
  }

  /** Depth of the tree (a lone root has depth 0). */
  getDepth(): number {
    return treeDepth(this.fittedTree('getDepth'));
  }

  /** Number of leaves. */
  getNLeaves(): number {
    return this.fittedTree('getNLeaves').filter((n) => n.left === -1).length;
  }

  protected fittedTree(method: string): TreeNode[] {
    return checkFitted(this.tree, `${this.name}.${method}`);
  }

  protected checkedRows(X: MatrixLike, method: string): number[][] {
    this.fittedTree(method);
    const rows = toRows(X, `${this.name}.${method}`);
    if (rows[0].length !== this.nFeatures) fail(`${this.name}.${method}`, `X has ${rows[0].length} features but the tree was fitted on ${this.nFeatures}`);
    return rows;
  }
}
