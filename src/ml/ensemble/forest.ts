import { toDense } from '../core/dense-input.ts';
import { denseToRows } from '../core/dense.ts';
import { toRandom, type Random } from '../core/random.ts';
import { checkFitted, checkPositiveInt, fail, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import type { MaxFeatures } from '../tree/max-features.ts';
import type { TreeSplitStep } from '../tree/builder.ts';
import type { TreeNode } from '../tree/tree-data.ts';
import { runToEnd } from '../core/run-to-end.ts';

/** Options every random forest shares (the tree options are passed to each tree). */
export interface ForestParams<C extends string> {
  nEstimators: number;
  criterion: C;
  maxDepth: number | undefined;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  maxFeatures: MaxFeatures;
  maxLeafNodes: number | undefined;
  /** Train each tree on a bootstrap sample (n rows drawn with replacement). */
  bootstrap: boolean;
  /** Score each row with the trees that did not see it (needs bootstrap). */
  oobScore: boolean;
  seed: number;
}

/**
 * A forest after one more tree: the tree, the rows it was trained on, the feature subsets tried
 * at its splits and, with oobScore, the out-of-bag score so far.
 */
export interface ForestStep {
  nEstimators: number;
  tree: TreeNode[];
  /** The rows this tree was trained on, in the order drawn (with repeats); every row once without bootstrap. */
  bootstrapIndices: number[];
  /** The rows this tree never saw (empty without bootstrap): where its out-of-bag votes come from. */
  outOfBagIndices: number[];
  /** The tree's splits as they were made; each split's `featuresTried` is the random feature subset searched there. */
  splits: TreeSplitStep[];
  /** Out-of-bag score of the forest so far (null until oobScore is requested or defined). */
  oobScore: number | null;
}

interface TreeLike {
  tree?: TreeNode[];
  featureImportances?: number[];
  steps(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): Generator<TreeSplitStep, unknown>;
}

/**
 * Random forests (Breiman 2001): many trees, each on a bootstrap sample and trying a random
 * subset of features at each split; their average is far less variable than any one tree.
 * Subclasses say how to make a tree, what one tree predicts for a row (a vector: class
 * probabilities or [value]) and how to score the out-of-bag predictions.
 */
export abstract class BaseForest<C extends string, T extends TreeLike> {
  readonly params: Readonly<ForestParams<C>>;
  /** The fitted trees (draw any of them with its `tree` nodes). */
  estimators?: T[];
  /** The rows each tree was trained on, as drawn (scikit-learn's estimators_samples_). */
  estimatorsSamples?: number[][];
  featureImportances?: number[];
  /** Out-of-bag score (accuracy or R²), when oobScore is set. */
  oobScore?: number;

  protected constructor(params: ForestParams<C>) {
    this.params = params;
  }

  protected abstract readonly name: string;
  protected abstract makeTree(seed: number): T;
  protected abstract treeOutput(tree: T, rows: number[][]): number[][];
  /** Learns classes (classifiers) and returns y as the trees should see it. */
  protected abstract prepare(y: number[]): void;
  /** Sets the out-of-bag attributes from the summed out-of-bag outputs; returns the score. */
  protected abstract finishOob(sums: number[][], counts: number[], y: number[]): number;

  /**
   * The weight of each row before bootstrapping: sampleWeight (checked), times the class weights
   * for classifiers. Undefined when every row weighs 1.
   */
  protected abstract rowWeights(target: number[], sampleWeight: VectorLike | undefined, where: string): Float64Array | undefined;
  /** Extra per-row factors computed on one tree's bootstrap sample (classWeight 'balanced_subsample'). */
  protected subsampleWeights(_drawn: number[], _target: number[]): number[] | undefined {
    return undefined;
  }

  /** Fits nEstimators trees, row i weighing sampleWeight_i (times its class weight, for classifiers). */
  fit(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): this {
    runToEnd(this.steps(X, y, sampleWeight));
    return this;
  }

  /** Adds trees one at a time, yielding after each (fit runs this to the end). */
  *steps(X: MatrixLike, y: VectorLike, sampleWeight?: VectorLike): Generator<ForestStep, this> {
    const where = `${this.name}.fit`;
    const x = toDense(X, where);
    const target = toVector(y, where, { length: x.rows });
    const { nEstimators, bootstrap, oobScore, seed } = this.params;
    checkPositiveInt(nEstimators, where, 'nEstimators');
    if (oobScore && !bootstrap) fail(where, 'oobScore needs bootstrap: true (otherwise every tree sees every row)');
    this.prepare(target);
    const weights = this.rowWeights(target, sampleWeight, where);
    const rows = denseToRows(x);
    const random: Random = toRandom(seed);
    const estimators: T[] = [];
    const samples: number[][] = [];
    const oobSums: number[][] = [];
    const oobCounts = new Array<number>(x.rows).fill(0);
    for (let t = 0; t < nEstimators; t++) {
      const tree = this.makeTree(random.int(2 ** 31));
      // Bootstrap as weights: row i is drawn counts[i] times, so it weighs counts[i] in the tree
      // (times its own weight, as scikit-learn multiplies sample_weight by the bootstrap counts).
      const drawn = bootstrap ? Array.from({ length: x.rows }, () => random.int(x.rows)) : Array.from({ length: x.rows }, (_, i) => i);
      const counts = new Array<number>(x.rows).fill(0);
      for (const i of drawn) counts[i]++;
      const subsample = this.subsampleWeights(drawn, target);
      const treeWeights = weights || subsample ? counts.map((c, i) => c * (weights ? weights[i] : 1) * (subsample ? subsample[i] : 1)) : counts;
      const splits = [...tree.steps(rows, target, treeWeights)];
      estimators.push(tree);
      samples.push(drawn);
      const outOfBag = counts.flatMap((c, i) => (c === 0 ? [i] : []));
      let score: number | null = null;
      if (oobScore) {
        if (outOfBag.length > 0) {
          this.treeOutput(tree, outOfBag.map((i) => rows[i])).forEach((out, k) => {
            const i = outOfBag[k];
            oobSums[i] = oobSums[i] ? oobSums[i].map((s, c) => s + out[c]) : out.slice();
            oobCounts[i]++;
          });
        }
        score = this.finishOob(oobSums, oobCounts, target);
      }
      yield { nEstimators: t + 1, tree: tree.tree!, bootstrapIndices: drawn, outOfBagIndices: outOfBag, splits, oobScore: score };
    }
    this.estimators = estimators;
    this.estimatorsSamples = samples;
    this.featureImportances = meanImportances(estimators, x.cols);
    if (oobScore) this.oobScore = this.finishOob(oobSums, oobCounts, target);
    return this;
  }

  /** The average over trees of each tree's output for every row. */
  protected averageOutput(X: MatrixLike, method: string): number[][] {
    const estimators = checkFitted(this.estimators, `${this.name}.${method}`);
    const rows = denseToRows(toDense(X, `${this.name}.${method}`));
    let sum: number[][] | undefined;
    for (const tree of estimators) {
      const out = this.treeOutput(tree, rows);
      sum = sum ? sum.map((row, i) => row.map((s, c) => s + out[i][c])) : out;
    }
    return sum!.map((row) => row.map((s) => s / estimators.length));
  }
}

/** Mean of the trees' normalised importances, renormalised (scikit-learn's rule). */
function meanImportances(trees: TreeLike[], nFeatures: number): number[] {
  const total = new Array<number>(nFeatures).fill(0);
  for (const t of trees) t.featureImportances!.forEach((v, f) => (total[f] += v / trees.length));
  const s = total.reduce((a, b) => a + b, 0);
  return s > 0 ? total.map((v) => v / s) : total;
}
