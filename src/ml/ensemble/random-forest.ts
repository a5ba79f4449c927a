import { fail, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { computeClassWeight, fitWeights, type ClassWeight } from '../core/class-weight.ts';
import { DecisionTreeClassifier, argmax } from '../tree/classifier.ts';
import { DecisionTreeRegressor, r2Score } from '../tree/regressor.ts';
import { BaseForest, type ForestParams } from './forest.ts';

export interface RandomForestClassifierParams extends ForestParams<'gini' | 'entropy'> {
  /**
   * Weight of each class: 'balanced' (from the whole y), 'balanced_subsample' (from each tree's
   * bootstrap sample), a map {label: weight}, or null (all 1).
   */
  classWeight: ClassWeight | 'balanced_subsample';
}
export type RandomForestRegressorParams = ForestParams<'squared_error'>;

const treeDefaults = { maxDepth: undefined, minSamplesSplit: 2, minSamplesLeaf: 1, maxLeafNodes: undefined, bootstrap: true, oobScore: false, seed: 0 };

/** A random forest of classification trees; predicts the class with the highest mean probability. */
export class RandomForestClassifier extends BaseForest<'gini' | 'entropy', DecisionTreeClassifier> {
  protected readonly name = 'RandomForestClassifier';
  classes?: number[];
  /** Per row, the mean class probabilities from the trees that did not see it (NaN if none). */
  oobDecisionFunction?: number[][];

  constructor(params: Partial<RandomForestClassifierParams> = {}) {
    super({ nEstimators: 100, criterion: 'gini', maxFeatures: 'sqrt', classWeight: null, ...treeDefaults, ...params });
  }

  declare readonly params: Readonly<RandomForestClassifierParams>;

  protected rowWeights(target: number[], sampleWeight: VectorLike | undefined, where: string): Float64Array | undefined {
    const classes = this.classes!;
    const index = new Map(classes.map((c, k) => [c, k]));
    const codes = target.map((v) => index.get(v)!);
    const { classWeight } = this.params;
    return fitWeights(classWeight === 'balanced_subsample' ? null : classWeight, sampleWeight, classes, codes, where);
  }

  /** 'balanced_subsample': n_drawn / (K · drawn count of the class), 0 for a class the sample missed. */
  protected override subsampleWeights(drawn: number[], target: number[]): number[] | undefined {
    if (this.params.classWeight !== 'balanced_subsample') return undefined;
    const drawnLabels = drawn.map((i) => target[i]);
    const present = [...new Set(drawnLabels)].sort((a, b) => a - b);
    const balanced = computeClassWeight('balanced', present, drawnLabels);
    const perClass = new Map(present.map((c, k) => [c, balanced[k]]));
    return target.map((v) => perClass.get(v) ?? 0);
  }

  protected makeTree(seed: number): DecisionTreeClassifier {
    const { criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, maxLeafNodes } = this.params;
    return new DecisionTreeClassifier({ criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, maxLeafNodes, seed });
  }

  protected treeOutput(tree: DecisionTreeClassifier, rows: number[][]): number[][] {
    return tree.predictProba(rows);
  }

  protected prepare(y: number[]): void {
    this.classes = [...new Set(y)].sort((a, b) => a - b);
  }

  protected finishOob(sums: number[][], counts: number[], y: number[]): number {
    const k = this.classes!.length;
    this.oobDecisionFunction = counts.map((c, i) => (c === 0 ? new Array<number>(k).fill(NaN) : sums[i].map((s) => s / c)));
    const scored = counts.flatMap((c, i) => (c > 0 ? [i] : []));
    const correct = scored.filter((i) => this.classes![argmax(this.oobDecisionFunction![i])] === y[i]).length;
    return scored.length === 0 ? NaN : correct / scored.length;
  }

  /** The mean over trees of their class probabilities. */
  predictProba(X: MatrixLike): number[][] {
    return this.averageOutput(X, 'predictProba');
  }

  /** The class with the highest mean probability. */
  predict(X: MatrixLike): number[] {
    return this.predictProba(X).map((p) => this.classes![argmax(p)]);
  }

  /** Accuracy on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    if (predicted.length !== y.length) fail('RandomForestClassifier.score', `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
    return predicted.filter((p, i) => p === y[i]).length / predicted.length;
  }
}

/** A random forest of regression trees; predicts the mean of the trees' predictions. */
export class RandomForestRegressor extends BaseForest<'squared_error', DecisionTreeRegressor> {
  protected readonly name = 'RandomForestRegressor';
  /** Per row, the mean prediction of the trees that did not see it (NaN if none). */
  oobPrediction?: number[];

  constructor(params: Partial<RandomForestRegressorParams> = {}) {
    // scikit-learn's default for regression forests is every feature at every split (max_features=1.0).
    super({ nEstimators: 100, criterion: 'squared_error', maxFeatures: undefined, ...treeDefaults, ...params });
  }

  protected makeTree(seed: number): DecisionTreeRegressor {
    const { maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, maxLeafNodes } = this.params;
    return new DecisionTreeRegressor({ maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, maxLeafNodes, seed });
  }

  protected rowWeights(target: number[], sampleWeight: VectorLike | undefined, where: string): Float64Array | undefined {
    if (sampleWeight === undefined) return undefined;
    const weights = Float64Array.from(toVector(sampleWeight, where, { name: 'sampleWeight', length: target.length }));
    weights.forEach((w, i) => { if (w < 0) fail(where, `sampleWeight[${i}] is ${w}; weights must be ≥ 0`); });
    return weights;
  }

  protected treeOutput(tree: DecisionTreeRegressor, rows: number[][]): number[][] {
    return tree.predict(rows).map((v) => [v]);
  }

  protected prepare(): void {
    // Regression has no classes to learn.
  }

  protected finishOob(sums: number[][], counts: number[], y: number[]): number {
    this.oobPrediction = counts.map((c, i) => (c === 0 ? NaN : sums[i][0] / c));
    const scored = counts.flatMap((c, i) => (c > 0 ? [i] : []));
    return scored.length < 2 ? NaN : r2Score(scored.map((i) => y[i]), scored.map((i) => this.oobPrediction![i]), 'RandomForestRegressor.fit');
  }

  /** The mean of the trees' predictions. */
  predict(X: MatrixLike): number[] {
    return this.averageOutput(X, 'predict').map((row) => row[0]);
  }

  /** R² on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    return r2Score(Array.from(y), this.predict(X), 'RandomForestRegressor.score');
  }
}
