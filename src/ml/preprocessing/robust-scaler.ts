import { checkFitted, fail, toRows, type MatrixLike } from '../core/validate.ts';
import type { Transformer } from '../core/estimator.ts';
import { quantileSorted, sortedCopy } from '../core/quantile.ts';
import { column, rowsLike, safeScale } from './check.ts';

export interface RobustScalerParams {
  /** Subtract the median. */
  withCentering: boolean;
  /** Divide by the interquantile range. */
  withScaling: boolean;
  /** Percentiles (0–100) whose difference is the scale; default the interquartile range. */
  quantileRange: [number, number];
}

const DEFAULTS: RobustScalerParams = { withCentering: true, withScaling: true, quantileRange: [25, 75] };

/** Scales with statistics outliers barely move: x' = (x − median) / (q_high − q_low). */
export class RobustScaler implements Transformer<RobustScalerParams> {
  readonly params: Readonly<RobustScalerParams>;
  /** Per-feature median (when withCentering). */
  center?: number[];
  /** Per-feature interquantile range (1 where it is 0, or without scaling). */
  scale?: number[];
  nFeaturesIn?: number;

  constructor(params: Partial<RobustScalerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns the median and interquantile range of every column. */
  fit(X: MatrixLike): this {
    const where = 'RobustScaler.fit';
    const [qLow, qHigh] = this.params.quantileRange;
    if (!(0 <= qLow && qLow <= qHigh && qHigh <= 100)) {
      fail(where, `quantileRange must satisfy 0 ≤ low ≤ high ≤ 100, got [${qLow}, ${qHigh}]`);
    }
    const rows = toRows(X, where);
    const d = rows[0].length;
    const sorted = Array.from({ length: d }, (_, j) => sortedCopy(column(rows, j)));
    this.center = sorted.map((s) => (this.params.withCentering ? quantileSorted(s, 0.5) : 0));
    this.scale = sorted.map((s) =>
      this.params.withScaling ? safeScale(quantileSorted(s, qHigh / 100) - quantileSorted(s, qLow / 100)) : 1,
    );
    this.nFeaturesIn = d;
    return this;
  }

  /** x' = (x − median) / IQR. */
  transform(X: MatrixLike): number[][] {
    const where = 'RobustScaler.transform';
    const scale = checkFitted(this.scale, where);
    return rowsLike(X, scale.length, where).map((row) => row.map((v, j) => (v - this.center![j]) / scale[j]));
  }

  /** x = x'·IQR + median. */
  inverseTransform(X: MatrixLike): number[][] {
    const where = 'RobustScaler.inverseTransform';
    const scale = checkFitted(this.scale, where);
    return rowsLike(X, scale.length, where).map((row) => row.map((v, j) => v * scale[j] + this.center![j]));
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }
}
