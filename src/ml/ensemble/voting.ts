import { cloneEstimator, type Classifier } from '../core/estimator.ts';
import { checkFitted, checkOneOf, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { argmax } from '../tree/classifier.ts';

export interface VotingClassifierParams {
  /** Named estimators, e.g. [['tree', new DecisionTreeClassifier()], ['forest', new RandomForestClassifier()]]. */
  estimators: [string, Classifier][];
  /** 'hard': majority of predicted labels; 'soft': argmax of the averaged probabilities. */
  voting: 'hard' | 'soft';
  /** Weight of each estimator's vote (all 1 when undefined). */
  weights: number[] | undefined;
}

/** Combines several classifiers by a (weighted) majority vote or by averaging their probabilities. */
export class VotingClassifier {
  readonly params: Readonly<VotingClassifierParams>;
  /** The fitted copies of the estimators, in order. */
  estimators?: Classifier[];
  classes?: number[];

  constructor(params: Partial<VotingClassifierParams> = {}) {
    this.params = { estimators: [], voting: 'hard', weights: undefined, ...params };
  }

  /** Fits a fresh copy of every estimator on X, y. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'VotingClassifier.fit';
    const rows = toRows(X, where);
    const labels = toVector(y, where, { length: rows.length });
    const { estimators, voting, weights } = this.params;
    if (estimators.length === 0) fail(where, "estimators is empty; pass e.g. [['a', new DecisionTreeClassifier()], ['b', new GaussianNB()]]");
    checkOneOf(voting, ['hard', 'soft'], where, 'voting');
    if (weights !== undefined && weights.length !== estimators.length) fail(where, `weights has ${weights.length} values but there are ${estimators.length} estimators`);
    if (voting === 'soft') {
      const missing = estimators.find(([, e]) => typeof e.predictProba !== 'function');
      if (missing) fail(where, `voting 'soft' needs predictProba, which '${missing[0]}' does not have; use voting 'hard'`);
    }
    this.classes = [...new Set(labels)].sort((a, b) => a - b);
    this.estimators = estimators.map(([, e]) => cloneEstimator(e).fit(rows, labels));
    return this;
  }

  /** Weighted average of the estimators' class probabilities (soft voting only). */
  /** Whether a method works with these options: probabilities need voting 'soft' (see `offers`). */
  available(method: string): boolean {
    return method !== 'predictProba' || this.params.voting === 'soft';
  }

  predictProba(X: MatrixLike): number[][] {
    const fitted = checkFitted(this.estimators, 'VotingClassifier.predictProba');
    if (this.params.voting !== 'soft') fail('VotingClassifier.predictProba', "probabilities need voting 'soft'");
    const w = this.weightsOrOnes();
    const total = w.reduce((s, v) => s + v, 0);
    const probas = fitted.map((e) => e.predictProba!(X));
    return probas[0].map((_, i) => this.classes!.map((_, c) => probas.reduce((s, p, e) => s + w[e] * p[i][c], 0) / total));
  }

  /** The winning class of each row. */
  predict(X: MatrixLike): number[] {
    const fitted = checkFitted(this.estimators, 'VotingClassifier.predict');
    if (this.params.voting === 'soft') return this.predictProba(X).map((p) => this.classes![argmax(p)]);
    const w = this.weightsOrOnes();
    const votes = fitted.map((e) => e.predict(X));
    // Ties go to the smallest class, like numpy's argmax over the weighted bincount.
    return votes[0].map((_, i) => {
      const tally = this.classes!.map((c) => votes.reduce((s, v, e) => s + (v[i] === c ? w[e] : 0), 0));
      return this.classes![argmax(tally)];
    });
  }

  /** Accuracy on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    if (predicted.length !== y.length) fail('VotingClassifier.score', `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
    return predicted.filter((p, i) => p === y[i]).length / predicted.length;
  }

  private weightsOrOnes(): number[] {
    return this.params.weights ?? this.params.estimators.map(() => 1);
  }
}
