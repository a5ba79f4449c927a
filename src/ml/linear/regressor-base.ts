import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { checkFitted, fail, toRows, toVector } from '../core/validate.ts';
import { r2 } from './labels.ts';

/** What fitted linear regressors share: ŷ = X·coef + intercept, and R² as the score. */
export abstract class LinearRegressorBase {
  coef?: number[];
  intercept?: number;
  nFeaturesIn?: number;
  protected abstract readonly name: string;

  /** ŷ = X·coef + intercept. */
  predict(X: MatrixLike): number[] {
    const where = `${this.name}.predict`;
    const coef = checkFitted(this.coef, where);
    const rows = toRows(X, where);
    if (rows[0].length !== coef.length) fail(where, `X has ${rows[0].length} features but the model was fitted on ${coef.length}`);
    return rows.map((row) => row.reduce((s, v, j) => s + v * coef[j], this.intercept!));
  }

  /** R² of the predictions on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    return r2(toVector(y, `${this.name}.score`, { length: predicted.length }), predicted);
  }
}
