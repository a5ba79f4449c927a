import { checkFitted, checkOneOf, fail } from '../core/validate.ts';
import { checkWidth, column, sortedCategories, toCategoricalRows, type Category, type CategoricalMatrix } from './check.ts';

export interface OneHotEncoderParams {
  /** 'auto' learns the sorted categories of each column; or give them per column. */
  categories: 'auto' | Category[][];
  /** Drop each column's first category ('first'), only for two-category columns ('if_binary'), or none. */
  drop: 'first' | 'if_binary' | null;
  /** A category unseen in fit: throw ('error') or encode as all zeros ('ignore'). */
  handleUnknown: 'error' | 'ignore';
}

const DEFAULTS: OneHotEncoderParams = { categories: 'auto', drop: null, handleUnknown: 'error' };

/** One 0/1 column per category of each input column (strings or numbers), in scikit-learn's order. */
export class OneHotEncoder {
  readonly params: Readonly<OneHotEncoderParams>;
  /** The categories of each input column, in output order. */
  categories?: Category[][];
  /** Index of the dropped category in each column, or null. */
  dropIdx?: (number | null)[];
  nFeaturesIn?: number;

  constructor(params: Partial<OneHotEncoderParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns the categories of every column. */
  fit(X: CategoricalMatrix): this {
    const where = 'OneHotEncoder.fit';
    checkOneOf(this.params.handleUnknown, ['error', 'ignore'], where, 'handleUnknown');
    if (this.params.drop !== null) checkOneOf(this.params.drop, ['first', 'if_binary'], where, 'drop');
    const rows = toCategoricalRows(X, where);
    const d = rows[0].length;
    if (this.params.categories === 'auto') {
      this.categories = Array.from({ length: d }, (_, j) => sortedCategories(column(rows, j)));
    } else {
      const given = this.params.categories;
      if (given.length !== d) fail(where, `categories lists ${given.length} columns but X has ${d}`);
      rows.forEach((row, i) => row.forEach((v, j) => {
        if (!given[j].includes(v)) fail(where, `X[${i}][${j}] = ${JSON.stringify(v)} is not in the given categories of column ${j}`);
      }));
      this.categories = given.map((c) => c.slice());
    }
    this.dropIdx = this.categories.map((c) =>
      this.params.drop === 'first' || (this.params.drop === 'if_binary' && c.length === 2) ? 0 : null,
    );
    this.nFeaturesIn = d;
    return this;
  }

  /** A 0/1 matrix: for each input column, one column per kept category. */
  transform(X: CategoricalMatrix): number[][] {
    const where = 'OneHotEncoder.transform';
    const categories = checkFitted(this.categories, where);
    const rows = toCategoricalRows(X, where);
    checkWidth(rows[0].length, this.nFeaturesIn!, where);
    const lookups = categories.map((c) => new Map(c.map((v, k) => [v, k])));
    return rows.map((row, i) => {
      const out: number[] = [];
      row.forEach((v, j) => {
        const k = lookups[j].get(v);
        if (k === undefined && this.params.handleUnknown === 'error') {
          fail(where, `X[${i}][${j}] = ${JSON.stringify(v)} was not seen in fit (known: ${categories[j].map((c) => JSON.stringify(c)).join(', ')}); use handleUnknown: 'ignore' to encode it as zeros`);
        }
        const drop = this.dropIdx![j];
        categories[j].forEach((_, c) => {
          if (c !== drop) out.push(c === k ? 1 : 0);
        });
      });
      return out;
    });
  }

  fitTransform(X: CategoricalMatrix): number[][] {
    return this.fit(X).transform(X);
  }

  /** Back to categories; an all-zero block is the dropped category, or null for an ignored unknown. */
  inverseTransform(X: readonly (readonly number[])[]): (Category | null)[][] {
    const where = 'OneHotEncoder.inverseTransform';
    const categories = checkFitted(this.categories, where);
    const widths = categories.map((c, j) => c.length - (this.dropIdx![j] === null ? 0 : 1));
    const total = widths.reduce((a, b) => a + b, 0);
    return X.map((row, i) => {
      if (row.length !== total) fail(where, `X row ${i} has ${row.length} columns but the encoding has ${total}`);
      let offset = 0;
      return categories.map((cats, j) => {
        const kept = cats.filter((_, c) => c !== this.dropIdx![j]);
        const block = row.slice(offset, offset + widths[j]);
        offset += widths[j];
        const hot = block.findIndex((v) => v === 1);
        if (hot >= 0) return kept[hot];
        return this.dropIdx![j] === null ? null : cats[this.dropIdx![j]!];
      });
    });
  }

  /** Output column names 'x0_red' (or '<inputName>_<category>'). */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const categories = checkFitted(this.categories, 'OneHotEncoder.getFeatureNamesOut');
    const names = inputFeatures ?? categories.map((_, j) => `x${j}`);
    return categories.flatMap((cats, j) => cats.filter((_, c) => c !== this.dropIdx![j]).map((c) => `${names[j]}_${c}`));
  }
}
