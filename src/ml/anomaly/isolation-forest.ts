import { quantileSorted, sortedCopy } from '../core/quantile.ts';
import { toRandom } from '../core/random.ts';
import { checkFitted, checkPositiveInt, fail, toRows, type MatrixLike } from '../core/validate.ts';
import { growIsolationTree, isolationPath, isolationPathLength, isolationScores, type IsolationTree } from './isolation-tree.ts';

export interface IsolationForestParams {
  nEstimators: number;
  /** Rows drawn (without replacement) for each tree: 'auto' = min(256, n), a count, or a fraction of n. */
  maxSamples: 'auto' | number;
  /** 'auto': offset −0.5 (Liu et al.'s threshold); a share in (0, 0.5]: that share of the training rows is called anomalous. */
  contamination: 'auto' | number;
  seed: number;
}

const defaults: IsolationForestParams = { nEstimators: 100, maxSamples: 'auto', contamination: 'auto', seed: 0 };

/**
 * Isolation forest (Liu, Ting and Zhou 2008), as scikit-learn's IsolationForest: random trees
 * split random features at random thresholds; anomalies, few and different, are isolated in
 * fewer splits, so their mean path length is short and their score low.
 */
export class IsolationForest {
  readonly params: Readonly<IsolationForestParams>;
  estimators?: IsolationTree[];
  /** The training rows each tree was grown on. */
  estimatorsSamples?: number[][];
  maxSamplesUsed?: number;
  nFeaturesIn?: number;
  /** decisionFunction = scoreSamples − offset; negative means anomalous. */
  offset?: number;

  constructor(params: Partial<IsolationForestParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  fit(X: MatrixLike): this {
    const where = 'IsolationForest.fit';
    const rows = toRows(X, where);
    const { nEstimators, maxSamples, contamination, seed } = this.params;
    checkPositiveInt(nEstimators, where, 'nEstimators');
    const n = rows.length;
    let size: number;
    if (maxSamples === 'auto') size = Math.min(256, n);
    else if (Number.isInteger(maxSamples) && maxSamples >= 1) size = Math.min(maxSamples, n);
    else if (maxSamples > 0 && maxSamples <= 1) size = Math.max(1, Math.floor(maxSamples * n));
    else fail(where, `maxSamples must be 'auto', a count ≥ 1 or a fraction in (0, 1], got ${maxSamples}`);
    if (contamination !== 'auto' && !(contamination > 0 && contamination <= 0.5)) {
      fail(where, `contamination must be 'auto' or a share in (0, 0.5], got ${contamination}`);
    }
    const random = toRandom(seed);
    // Trees are grown to depth ⌈log₂ maxSamples⌉, the average depth of a balanced tree: deeper
    // nodes only separate ordinary rows from each other, which the score does not need.
    const maxDepth = Math.ceil(Math.log2(Math.max(size, 2)));
    this.estimatorsSamples = [];
    this.estimators = [];
    for (let t = 0; t < nEstimators; t++) {
      const sample = random.sample(n, size);
      this.estimatorsSamples.push(sample);
      this.estimators.push(growIsolationTree(sample.map((i) => rows[i]), maxDepth, random));
    }
    this.maxSamplesUsed = size;
    this.nFeaturesIn = rows[0].length;
    this.offset = contamination === 'auto' ? -0.5 : quantileSorted(sortedCopy(this.scoreSamples(rows)), contamination);
    return this;
  }

  /** −2^(−E[h(x)]/c(maxSamples)) per row: the lower, the more anomalous (as scikit-learn). */
  scoreSamples(X: MatrixLike): number[] {
    const trees = checkFitted(this.estimators, 'IsolationForest.scoreSamples');
    return isolationScores(trees, this.rowsOf(X, 'IsolationForest.scoreSamples'), this.maxSamplesUsed!);
  }

  /** scoreSamples − offset: negative for the rows called anomalous. */
  decisionFunction(X: MatrixLike): number[] {
    const offset = checkFitted(this.offset, 'IsolationForest.decisionFunction');
    return this.scoreSamples(X).map((s) => s - offset);
  }

  /** −1 for anomalies, 1 for ordinary rows. */
  predict(X: MatrixLike): number[] {
    return this.decisionFunction(X).map((v) => (v < 0 ? -1 : 1));
  }

  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).predict(X);
  }

  /** h(x) for every row in every tree (rows × trees): edges to the leaf plus c(rows left in it). */
  pathLengths(X: MatrixLike): number[][] {
    const trees = checkFitted(this.estimators, 'IsolationForest.pathLengths');
    return this.rowsOf(X, 'IsolationForest.pathLengths').map((x) => trees.map((tree) => isolationPathLength(tree, x)));
  }

  /** The nodes of tree `tree` that row x passes through, root first. */
  decisionPath(x: readonly number[], tree = 0): number[] {
    const trees = checkFitted(this.estimators, 'IsolationForest.decisionPath');
    if (!Number.isInteger(tree) || tree < 0 || tree >= trees.length) fail('IsolationForest.decisionPath', `tree must be an integer from 0 to ${trees.length - 1}, got ${tree}`);
    return isolationPath(trees[tree], this.rowsOf([x as number[]], 'IsolationForest.decisionPath')[0]);
  }

  private rowsOf(X: MatrixLike, where: string): number[][] {
    const rows = toRows(X, where);
    if (rows[0].length !== this.nFeaturesIn) fail(where, `X has ${rows[0].length} features but the forest was fitted on ${this.nFeaturesIn}`);
    return rows;
  }
}
