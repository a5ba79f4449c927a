import { checkFitted, fail } from '../core/validate.ts';
import { sortedCategories, type Category } from './check.ts';

/** Encodes target labels as 0..K−1 in sorted order (classes[k] is the label of code k). */
export class LabelEncoder {
  readonly params: Readonly<Record<string, never>> = {};
  classes?: Category[];

  /** Learns the sorted distinct labels. */
  fit(y: readonly Category[]): this {
    if (!Array.isArray(y) || y.length === 0) fail('LabelEncoder.fit', 'y must be a non-empty array of labels');
    this.classes = sortedCategories(y);
    return this;
  }

  /** Label → its index in classes. */
  transform(y: readonly Category[]): number[] {
    const where = 'LabelEncoder.transform';
    const classes = checkFitted(this.classes, where);
    const index = new Map(classes.map((c, k) => [c, k]));
    return y.map((v, i) => {
      const k = index.get(v);
      if (k === undefined) fail(where, `y[${i}] = ${JSON.stringify(v)} is not a known label (${classes.map((c) => JSON.stringify(c)).join(', ')})`);
      return k;
    });
  }

  fitTransform(y: readonly Category[]): number[] {
    return this.fit(y).transform(y);
  }

  /** Index → label. */
  inverseTransform(codes: readonly number[]): Category[] {
    const where = 'LabelEncoder.inverseTransform';
    const classes = checkFitted(this.classes, where);
    return codes.map((k, i) => {
      if (!Number.isInteger(k) || k < 0 || k >= classes.length) fail(where, `codes[${i}] = ${k} is not in 0..${classes.length - 1}`);
      return classes[k];
    });
  }
}
