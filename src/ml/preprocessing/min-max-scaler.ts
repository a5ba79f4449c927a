import { checkFitted, fail, toRows, type MatrixLike } from '../core/validate.ts';
import type { Transformer } from '../core/estimator.ts';
import { rowsLike, safeScale } from './check.ts';

export interface MinMaxScalerParams {
  /** Target [low, high] of every feature. */
  featureRange: [number, number];
  /** Clip transformed values of new data into featureRange. */
  clip: boolean;
}

const DEFAULTS: MinMaxScalerParams = { featureRange: [0, 1], clip: false };

/** Rescales each feature linearly so its training minimum and maximum map to featureRange. */
export class MinMaxScaler implements Transformer<MinMaxScalerParams> {
  readonly params: Readonly<MinMaxScalerParams>;
  dataMin?: number[];
  dataMax?: number[];
  dataRange?: number[];
  /** x' = x·scale + min, per feature. */
  scale?: number[];
  min?: number[];
  nFeaturesIn?: number;

  constructor(params: Partial<MinMaxScalerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns the minimum and maximum of every column. */
  fit(X: MatrixLike): this {
    const where = 'MinMaxScaler.fit';
    const [low, high] = this.params.featureRange;
    if (!(low < high)) fail(where, `featureRange must be [low, high] with low < high, got [${low}, ${high}]`);
    const rows = toRows(X, where);
    const d = rows[0].length;
    const dataMin = new Array<number>(d).fill(Infinity);
    const dataMax = new Array<number>(d).fill(-Infinity);
    for (const row of rows) {
      for (let j = 0; j < d; j++) {
        if (row[j] < dataMin[j]) dataMin[j] = row[j];
        if (row[j] > dataMax[j]) dataMax[j] = row[j];
      }
    }
    this.dataMin = dataMin;
    this.dataMax = dataMax;
    this.dataRange = dataMax.map((v, j) => v - dataMin[j]);
    // scale = (high − low) / (max − min); min = low − dataMin·scale
    this.scale = this.dataRange.map((r) => (high - low) / safeScale(r));
    this.min = dataMin.map((v, j) => low - v * this.scale![j]);
    this.nFeaturesIn = d;
    return this;
  }

  /** x' = x·scale + min. */
  transform(X: MatrixLike): number[][] {
    const where = 'MinMaxScaler.transform';
    const scale = checkFitted(this.scale, where);
    const [low, high] = this.params.featureRange;
    return rowsLike(X, scale.length, where).map((row) =>
      row.map((v, j) => {
        const t = v * scale[j] + this.min![j];
        return this.params.clip ? Math.min(high, Math.max(low, t)) : t;
      }),
    );
  }

  /** x = (x' − min) / scale. */
  inverseTransform(X: MatrixLike): number[][] {
    const where = 'MinMaxScaler.inverseTransform';
    const scale = checkFitted(this.scale, where);
    return rowsLike(X, scale.length, where).map((row) => row.map((v, j) => (v - this.min![j]) / scale[j]));
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }
}
