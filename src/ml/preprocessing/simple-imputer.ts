import { assertUnreachable, checkFitted, checkOneOf, fail, toRows, type MatrixLike } from '../core/validate.ts';
import { quantileSorted } from '../core/quantile.ts';
import { column, rowsLike } from './check.ts';

export interface SimpleImputerParams {
  /** What replaces a missing value (NaN) in a column. */
  strategy: 'mean' | 'median' | 'most_frequent' | 'constant';
  /** The value for strategy 'constant'. */
  fillValue: number;
  /** Append one 0/1 column per feature that had missing values in fit (MissingIndicator). */
  addIndicator: boolean;
}

const DEFAULTS: SimpleImputerParams = { strategy: 'mean', fillValue: 0, addIndicator: false };

/** Fills NaN entries column by column with the column's mean, median, most frequent value or a constant. */
export class SimpleImputer {
  readonly params: Readonly<SimpleImputerParams>;
  /** The fill value of each column. */
  statistics?: number[];
  /** Columns that had a missing value in fit (the indicator columns, in order). */
  indicatorFeatures?: number[];
  nFeaturesIn?: number;

  constructor(params: Partial<SimpleImputerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns each column's fill value from its observed (non-NaN) entries. */
  fit(X: MatrixLike): this {
    const where = 'SimpleImputer.fit';
    const strategy = this.params.strategy;
    checkOneOf(strategy, ['mean', 'median', 'most_frequent', 'constant'], where, 'strategy');
    const rows = toRows(X, where, { allowNaN: true });
    const d = rows[0].length;
    this.statistics = Array.from({ length: d }, (_, j) => {
      const observed = column(rows, j).filter((v) => !Number.isNaN(v));
      if (strategy === 'constant') return this.params.fillValue;
      if (observed.length === 0) {
        fail(where, `column ${j} has no observed value, so its ${strategy} is undefined; drop it or use strategy 'constant'`);
      }
      switch (strategy) {
        case 'mean': return observed.reduce((a, b) => a + b, 0) / observed.length;
        case 'median': return quantileSorted(observed.sort((a, b) => a - b), 0.5);
        case 'most_frequent': return mostFrequent(observed);
        default: return assertUnreachable(strategy);
      }
    });
    this.indicatorFeatures = [];
    for (let j = 0; j < d; j++) if (rows.some((row) => Number.isNaN(row[j]))) this.indicatorFeatures.push(j);
    this.nFeaturesIn = d;
    return this;
  }

  /** X with every NaN replaced by its column's statistic (plus the indicator columns if asked). */
  transform(X: MatrixLike): number[][] {
    const where = 'SimpleImputer.transform';
    const stats = checkFitted(this.statistics, where);
    return rowsLike(X, stats.length, where, { allowNaN: true }).map((row) => {
      const filled = row.map((v, j) => (Number.isNaN(v) ? stats[j] : v));
      if (!this.params.addIndicator) return filled;
      return [...filled, ...this.indicatorFeatures!.map((j) => (Number.isNaN(row[j]) ? 1 : 0))];
    });
  }

  fitTransform(X: MatrixLike): number[][] {
    return this.fit(X).transform(X);
  }
}

/** The most frequent value; ties go to the smallest, as in scikit-learn. */
function mostFrequent(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = NaN;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
