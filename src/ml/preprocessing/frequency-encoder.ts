import { checkFitted } from '../core/validate.ts';
import { checkWidth, sortedCategories, toCategoricalRows, type Category, type CategoricalMatrix } from './check.ts';

export interface FrequencyEncoderParams {
  /** Encode as the share of rows (true) or the raw count (false). */
  normalize: boolean;
}

/** Replaces each category by how often it occurs in the training data; unseen categories get 0. */
export class FrequencyEncoder {
  readonly params: Readonly<FrequencyEncoderParams>;
  categories?: Category[][];
  /** frequencies[j][k]: share (or count) of categories[j][k] in fit. */
  frequencies?: number[][];
  nFeaturesIn?: number;

  constructor(params: Partial<FrequencyEncoderParams> = {}) {
    this.params = { normalize: true, ...params };
  }

  /** Counts every category of every column. */
  fit(X: CategoricalMatrix): this {
    const rows = toCategoricalRows(X, 'FrequencyEncoder.fit');
    const d = rows[0].length;
    this.categories = [];
    this.frequencies = [];
    for (let j = 0; j < d; j++) {
      const counts = new Map<Category, number>();
      for (const row of rows) counts.set(row[j], (counts.get(row[j]) ?? 0) + 1);
      const cats = sortedCategories(counts.keys());
      this.categories.push(cats);
      this.frequencies.push(cats.map((c) => counts.get(c)! / (this.params.normalize ? rows.length : 1)));
    }
    this.nFeaturesIn = d;
    return this;
  }

  /** Category → its training frequency. */
  transform(X: CategoricalMatrix): number[][] {
    const where = 'FrequencyEncoder.transform';
    const categories = checkFitted(this.categories, where);
    const rows = toCategoricalRows(X, where);
    checkWidth(rows[0].length, this.nFeaturesIn!, where);
    const lookups = categories.map((cats, j) => new Map(cats.map((c, k) => [c, this.frequencies![j][k]])));
    return rows.map((row) => row.map((v, j) => lookups[j].get(v) ?? 0));
  }

  fitTransform(X: CategoricalMatrix): number[][] {
    return this.fit(X).transform(X);
  }
}
