import { checkFitted, fail, toVector, type VectorLike } from '../core/validate.ts';
import { KFold } from '../model-selection/k-fold.ts';
import { checkWidth, sortedCategories, toCategoricalRows, type Category, type CategoricalMatrix } from './check.ts';

export interface TargetEncoderParams {
  /** Weight m of the global mean: enc(c) = (n_c·ȳ_c + m·ȳ) / (n_c + m); larger m shrinks rare categories more. */
  smoothing: number;
  /** Folds for out-of-fold encoding in fitTransform (0 or 1: encode the training rows with all of them). */
  cv: number;
  shuffle: boolean;
  seed: number;
}

const DEFAULTS: TargetEncoderParams = { smoothing: 10, cv: 5, shuffle: true, seed: 0 };

/**
 * Replaces each category by a smoothed mean of the target over its rows. fitTransform encodes each
 * training row with statistics from the other folds only, so a row never sees its own target (no leakage).
 */
export class TargetEncoder {
  readonly params: Readonly<TargetEncoderParams>;
  categories?: Category[][];
  /** encodings[j][k]: the value of category categories[j][k]. */
  encodings?: number[][];
  /** ȳ over all training rows: the value of unseen categories. */
  targetMean?: number;
  nFeaturesIn?: number;

  constructor(params: Partial<TargetEncoderParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns every category's smoothed target mean from all rows. */
  fit(X: CategoricalMatrix, y: VectorLike): this {
    const { rows, target } = this.check(X, y, 'TargetEncoder.fit');
    const all = rows.map((_, i) => i);
    const learnt = learn(rows, target, all, this.params.smoothing);
    this.categories = learnt.categories;
    this.encodings = learnt.encodings;
    this.targetMean = learnt.mean;
    this.nFeaturesIn = rows[0].length;
    return this;
  }

  /** Each category → its learnt encoding; unseen ones → the target mean. */
  transform(X: CategoricalMatrix): number[][] {
    const where = 'TargetEncoder.transform';
    const categories = checkFitted(this.categories, where);
    const rows = toCategoricalRows(X, where);
    checkWidth(rows[0].length, this.nFeaturesIn!, where);
    return encode(rows, { categories, encodings: this.encodings!, mean: this.targetMean! });
  }

  /** Fits, then encodes the training rows out of fold (cv folds) so no row uses its own target. */
  fitTransform(X: CategoricalMatrix, y: VectorLike): number[][] {
    const where = 'TargetEncoder.fitTransform';
    this.fit(X, y);
    if (this.params.cv < 2) return this.transform(X);
    const { rows, target } = this.check(X, y, where);
    const out: number[][] = new Array(rows.length);
    const folds = new KFold({ nSplits: this.params.cv, shuffle: this.params.shuffle, seed: this.params.seed });
    for (const { train, test } of folds.split(rows)) {
      const learnt = learn(rows, target, train, this.params.smoothing);
      const encoded = encode(test.map((i) => rows[i]), learnt);
      test.forEach((i, t) => (out[i] = encoded[t]));
    }
    return out;
  }

  private check(X: CategoricalMatrix, y: VectorLike, where: string): { rows: Category[][]; target: number[] } {
    if (typeof this.params.smoothing !== 'number' || !(this.params.smoothing >= 0)) {
      fail(where, `smoothing must be a number ≥ 0, got ${String(this.params.smoothing)}`);
    }
    const rows = toCategoricalRows(X, where);
    return { rows, target: toVector(y, where, { length: rows.length }) };
  }
}

interface Learnt {
  categories: Category[][];
  encodings: number[][];
  mean: number;
}

/** enc(c) = (Σ_{i∈c} y_i + m·ȳ) / (n_c + m) over the given rows, per column. */
function learn(rows: Category[][], y: number[], use: number[], m: number): Learnt {
  const mean = use.reduce((a, i) => a + y[i], 0) / use.length;
  const categories: Category[][] = [];
  const encodings: number[][] = [];
  for (let j = 0; j < rows[0].length; j++) {
    const sums = new Map<Category, { sum: number; n: number }>();
    for (const i of use) {
      const s = sums.get(rows[i][j]) ?? { sum: 0, n: 0 };
      s.sum += y[i];
      s.n++;
      sums.set(rows[i][j], s);
    }
    const cats = sortedCategories(sums.keys());
    categories.push(cats);
    encodings.push(cats.map((c) => {
      const s = sums.get(c)!;
      return (s.sum + m * mean) / (s.n + m);
    }));
  }
  return { categories, encodings, mean };
}

function encode(rows: Category[][], learnt: Learnt): number[][] {
  const lookups = learnt.categories.map((cats, j) => new Map(cats.map((c, k) => [c, learnt.encodings[j][k]])));
  return rows.map((row) => row.map((v, j) => lookups[j].get(v) ?? learnt.mean));
}
