import type { Decision } from '../core/decision.ts';
import { cloneEstimator, type Classifier } from '../core/estimator.ts';
import { checkFitted, checkOneOf, checkPositiveInt, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { LogisticRegression } from '../linear/logistic.ts';
import { offers } from '../model-selection/model-types.ts';
import { stratifiedTestFolds } from './folds.ts';

export interface StackingClassifierParams {
  /** The base models whose predictions become the meta-model's features. */
  estimators: [string, Classifier][];
  /** The meta-model, trained on the base models' out-of-fold predictions (a LogisticRegression by default). */
  finalEstimator: Classifier;
  /** Folds for the out-of-fold predictions (stratified, as scikit-learn's cv=5). */
  cv: number;
  /** 'auto': each model's probabilities if it has predictProba, else its decision function, else its labels. */
  stackMethod: 'auto' | 'predict_proba' | 'decision_function' | 'predict';
  /** Also give the meta-model the original features. */
  passthrough: boolean;
}

/**
 * Stacked generalisation (Wolpert 1992): a meta-model learns how to combine base models from
 * their out-of-fold predictions (each row predicted by models that never saw it), so it learns
 * how they generalise rather than how well they memorise. The base models are then refitted on
 * all the data for prediction.
 */
export class StackingClassifier {
  readonly params: Readonly<StackingClassifierParams>;
  estimators?: Classifier[];
  finalEstimator?: Classifier;
  classes?: number[];

  constructor(params: Partial<StackingClassifierParams> = {}) {
    this.params = { estimators: [], finalEstimator: new LogisticRegression(), cv: 5, stackMethod: 'auto', passthrough: false, ...params };
  }

  /** Fits the base models fold by fold, the meta-model on their out-of-fold predictions, then the base models on everything. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'StackingClassifier.fit';
    const rows = toRows(X, where);
    const labels = toVector(y, where, { length: rows.length });
    const { estimators, finalEstimator, cv, stackMethod } = this.params;
    if (estimators.length === 0) fail(where, "estimators is empty; pass e.g. [['tree', new DecisionTreeClassifier()], ['nb', new GaussianNB()]]");
    checkPositiveInt(cv, where, 'cv', 2);
    checkOneOf(stackMethod, ['auto', 'predict_proba', 'decision_function', 'predict'], where, 'stackMethod');
    if (cv > rows.length) fail(where, `cv = ${cv} folds is more than the ${rows.length} rows`);
    this.classes = [...new Set(labels)].sort((a, b) => a - b);
    const folds = stratifiedTestFolds(labels, cv);
    const outOfFold: number[][] = rows.map(() => []);
    for (const [name, base] of estimators) {
      const block: number[][] = new Array(rows.length);
      for (const test of folds) {
        const inTest = new Set(test);
        const train = rows.flatMap((_, i) => (inTest.has(i) ? [] : [i]));
        const model = cloneEstimator(base).fit(train.map((i) => rows[i]), train.map((i) => labels[i]));
        const predicted = this.metaFeatures(model, test.map((i) => rows[i]), name);
        test.forEach((i, k) => (block[i] = predicted[k]));
      }
      block.forEach((features, i) => outOfFold[i].push(...features));
    }
    this.finalEstimator = cloneEstimator(finalEstimator).fit(this.withPassthrough(outOfFold, rows), labels);
    this.estimators = estimators.map(([, base]) => cloneEstimator(base).fit(rows, labels));
    return this;
  }

  /** The meta-model's prediction from the base models' predictions. */
  predict(X: MatrixLike): number[] {
    return checkFitted(this.finalEstimator, 'StackingClassifier.predict').predict(this.transform(X));
  }

  /** The meta-model's class probabilities (when it has predictProba). */
  predictProba(X: MatrixLike): number[][] {
    const final = checkFitted(this.finalEstimator, 'StackingClassifier.predictProba');
    if (typeof final.predictProba !== 'function') fail('StackingClassifier.predictProba', 'the finalEstimator has no predictProba');
    return final.predictProba(this.transform(X));
  }

  /** The meta-model's decision function (when it has one): one value per row for two classes. */
  decisionFunction(X: MatrixLike): Decision {
    const where = 'StackingClassifier.decisionFunction';
    const final = checkFitted(this.finalEstimator, where) as Classifier & { decisionFunction?(X: MatrixLike): Decision };
    if (typeof final.decisionFunction !== 'function') fail(where, 'the finalEstimator has no decisionFunction');
    return final.decisionFunction(this.transform(X));
  }

  /** The features the meta-model sees: each base model's predictions (and X with passthrough). */
  transform(X: MatrixLike): number[][] {
    const fitted = checkFitted(this.estimators, 'StackingClassifier.transform');
    const rows = toRows(X, 'StackingClassifier.transform');
    const blocks = fitted.map((model, e) => this.metaFeatures(model, rows, this.params.estimators[e][0]));
    return this.withPassthrough(rows.map((_, i) => blocks.flatMap((b) => b[i])), rows);
  }

  /** Accuracy on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    if (predicted.length !== y.length) fail('StackingClassifier.score', `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
    return predicted.filter((p, i) => p === y[i]).length / predicted.length;
  }

  /**
   * One model's predictions as features, by stackMethod; with two classes only P(second class)
   * or the one decision value, as scikit-learn.
   */
  private metaFeatures(model: Classifier, rows: number[][], name: string): number[][] {
    const method = this.stackMethodOf(model, name);
    if (method === 'predict') return model.predict(rows).map((label) => [label]);
    if (method === 'decision_function') {
      const decision = (model as Classifier & { decisionFunction(X: number[][]): Decision }).decisionFunction(rows);
      return decision.map((v) => (Array.isArray(v) ? v : [v]));
    }
    const proba = model.predictProba!(rows);
    return this.classes!.length === 2 ? proba.map((p) => [p[1]]) : proba;
  }

  private stackMethodOf(model: Classifier, name: string): 'predict_proba' | 'decision_function' | 'predict' {
    const method = this.params.stackMethod;
    if (method === 'auto') return offers(model, 'predictProba') ? 'predict_proba' : offers(model, 'decisionFunction') ? 'decision_function' : 'predict';
    const needs = method === 'predict_proba' ? 'predictProba' : method === 'decision_function' ? 'decisionFunction' : undefined;
    if (needs !== undefined && !offers(model, needs)) fail('StackingClassifier.fit', `stackMethod '${method}' but '${name}' has no ${needs}`);
    return method;
  }

  private withPassthrough(features: number[][], rows: number[][]): number[][] {
    return this.params.passthrough ? features.map((f, i) => [...f, ...rows[i]]) : features;
  }
}
