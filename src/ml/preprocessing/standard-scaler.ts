import { checkFitted, toRows, type MatrixLike } from '../core/validate.ts';
import type { Transformer } from '../core/estimator.ts';
import { rowsLike, safeScale } from './check.ts';

export interface StandardScalerParams {
  /** Subtract the mean of each feature. */
  withMean: boolean;
  /** Divide by the standard deviation of each feature. */
  withStd: boolean;
}

const DEFAULTS: StandardScalerParams = { withMean: true, withStd: true };

/** Standardises features: z = (x − μ) / σ per column, with μ and σ (population std) learnt in fit. */
export class StandardScaler implements Transformer<StandardScalerParams> {
  readonly params: Readonly<StandardScalerParams>;
  /** Per-feature mean μ (undefined until fit). */
  mean?: number[];
  /** Per-feature population variance σ². */
  var?: number[];
  /** Per-feature divisor σ (1 where σ = 0 or withStd is false). */
  scale?: number[];
  nSamplesSeen?: number;
  nFeaturesIn?: number;

  constructor(params: Partial<StandardScalerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns μ and σ of every column of X. */
  fit(X: MatrixLike): this {
    const rows = toRows(X, 'StandardScaler.fit');
    const n = rows.length;
    const d = rows[0].length;
    const mean = new Array<number>(d).fill(0);
    const variance = new Array<number>(d).fill(0);
    for (const row of rows) for (let j = 0; j < d; j++) mean[j] += row[j];
    for (let j = 0; j < d; j++) mean[j] /= n;
    // Two passes: σ² = (1/n) Σ (x − μ)², stable where Σx² − nμ² would cancel.
    for (const row of rows) {
      for (let j = 0; j < d; j++) {
        const t = row[j] - mean[j];
        variance[j] += t * t;
      }
    }
    for (let j = 0; j < d; j++) variance[j] /= n;
    this.mean = mean;
    this.var = variance;
    this.scale = this.params.withStd ? variance.map((v) => safeScale(Math.sqrt(v))) : new Array<number>(d).fill(1);
    this.nSamplesSeen = n;
    this.nFeaturesIn = d;
    return this;
  }

  /** z = (x − μ) / σ. */
  transform(X: MatrixLike): number[][] {
    const where = 'StandardScaler.transform';
    const scale = checkFitted(this.scale, where);
    const mean = this.params.withMean ? this.mean! : scale.map(() => 0);
    return rowsLike(X, scale.length, where).map((row) => {
      const out = new Array<number>(row.length);
      for (let j = 0; j < row.length; j++) out[j] = (row[j] - mean[j]) / scale[j];
      return out;
    });
  }

  /** x = z·σ + μ. */
  inverseTransform(X: MatrixLike): number[][] {
    const where = 'StandardScaler.inverseTransform';
    const scale = checkFitted(this.scale, where);
    const mean = this.params.withMean ? this.mean! : scale.map(() => 0);
    return rowsLike(X, scale.length, where).map((row) => row.map((v, j) => v * scale[j] + mean[j]));
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }
}
