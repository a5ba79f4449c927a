import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, fail, toRows, toVector } from '../core/validate.ts';
import { accuracy, argmax } from '../linear/labels.ts';
import { logNormalizeRows } from '../linear/softmax.ts';

/**
 * What every naive Bayes classifier shares: given the joint log-likelihood
 * log P(c) + log P(x | c) of each class, Bayes' rule gives the posterior by normalising.
 */
export abstract class NaiveBayes {
  classes?: number[];
  nFeaturesIn?: number;

  protected abstract readonly name: string;
  /** log P(c) + log P(x | c) for every row and class (before normalisation). */
  protected abstract jointLogLikelihood(rows: number[][]): number[][];

  abstract fit(X: MatrixLike, y: VectorLike): this;

  /** The most probable class of each row. */
  predict(X: MatrixLike): number[] {
    const classes = checkFitted(this.classes, `${this.name}.predict`);
    return this.jointLogLikelihood(this.checkX(X, 'predict')).map((row) => classes[argmax(row)]);
  }

  /** log P(c | x) for each row and class (columns in the order of `classes`). */
  predictLogProba(X: MatrixLike): number[][] {
    checkFitted(this.classes, `${this.name}.predictLogProba`);
    // log P(c | x) = jll_c − log Σ_k exp(jll_k)
    return logNormalizeRows(this.jointLogLikelihood(this.checkX(X, 'predictLogProba')));
  }

  /** P(c | x) for each row and class (columns in the order of `classes`). */
  predictProba(X: MatrixLike): number[][] {
    return this.predictLogProba(X).map((row) => row.map(Math.exp));
  }

  /** Mean accuracy on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return accuracy(toVector(y, `${this.name}.score`, { length: predicted.length }), predicted);
  }

  protected checkX(X: MatrixLike, method: string): number[][] {
    const where = `${this.name}.${method}`;
    const rows = toRows(X, where);
    if (rows[0].length !== this.nFeaturesIn) {
      fail(where, `X has ${rows[0].length} features but the model was fitted on ${this.nFeaturesIn}`);
    }
    return rows;
  }
}
