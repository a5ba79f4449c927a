import { checkFitted, checkOneOf, fail } from '../core/validate.ts';
import { checkWidth, column, sortedCategories, toCategoricalRows, type Category, type CategoricalMatrix } from './check.ts';

export interface OrdinalEncoderParams {
  /** 'auto' learns sorted categories per column; or give the order per column (e.g. ['low', 'mid', 'high']). */
  categories: 'auto' | Category[][];
  /** An unseen category: throw, or encode as unknownValue. */
  handleUnknown: 'error' | 'use_encoded_value';
  unknownValue: number;
}

const DEFAULTS: OrdinalEncoderParams = { categories: 'auto', handleUnknown: 'error', unknownValue: NaN };

/** Each column's categories become 0..K−1 in the order of `categories`. */
export class OrdinalEncoder {
  readonly params: Readonly<OrdinalEncoderParams>;
  categories?: Category[][];
  nFeaturesIn?: number;

  constructor(params: Partial<OrdinalEncoderParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns (or checks) the categories of every column. */
  fit(X: CategoricalMatrix): this {
    const where = 'OrdinalEncoder.fit';
    checkOneOf(this.params.handleUnknown, ['error', 'use_encoded_value'], where, 'handleUnknown');
    const rows = toCategoricalRows(X, where);
    const d = rows[0].length;
    if (this.params.categories === 'auto') {
      this.categories = Array.from({ length: d }, (_, j) => sortedCategories(column(rows, j)));
    } else {
      if (this.params.categories.length !== d) fail(where, `categories lists ${this.params.categories.length} columns but X has ${d}`);
      this.categories = this.params.categories.map((c) => c.slice());
      rows.forEach((row, i) => row.forEach((v, j) => {
        if (!this.categories![j].includes(v)) fail(where, `X[${i}][${j}] = ${JSON.stringify(v)} is not in the given categories of column ${j}`);
      }));
    }
    this.nFeaturesIn = d;
    return this;
  }

  /** Category → its position in that column's categories. */
  transform(X: CategoricalMatrix): number[][] {
    const where = 'OrdinalEncoder.transform';
    const categories = checkFitted(this.categories, where);
    const rows = toCategoricalRows(X, where);
    checkWidth(rows[0].length, this.nFeaturesIn!, where);
    const lookups = categories.map((c) => new Map(c.map((v, k) => [v, k])));
    return rows.map((row, i) => row.map((v, j) => {
      const k = lookups[j].get(v);
      if (k !== undefined) return k;
      if (this.params.handleUnknown === 'error') {
        fail(where, `X[${i}][${j}] = ${JSON.stringify(v)} was not seen in fit; use handleUnknown: 'use_encoded_value' with an unknownValue`);
      }
      return this.params.unknownValue;
    }));
  }

  fitTransform(X: CategoricalMatrix): number[][] {
    return this.fit(X).transform(X);
  }

  /** Codes back to categories (null for unknownValue). */
  inverseTransform(X: readonly (readonly number[])[]): (Category | null)[][] {
    const where = 'OrdinalEncoder.inverseTransform';
    const categories = checkFitted(this.categories, where);
    return X.map((row) => row.map((k, j) => (Number.isInteger(k) && k >= 0 && k < categories[j].length ? categories[j][k] : null)));
  }
}
