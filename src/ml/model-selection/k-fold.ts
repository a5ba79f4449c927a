import { checkPositiveInt, fail } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';

/** One train/test split of row indices. */
export interface Fold {
  train: number[];
  test: number[];
}

/** Anything that splits n samples into folds: KFold, StratifiedKFold, TimeSeriesSplit. */
export interface CrossValidator {
  split(X: ArrayLike<unknown>, y?: ArrayLike<number>): Generator<Fold>;
  getNSplits(): number;
}

export interface KFoldParams {
  nSplits: number;
  /** Shuffle the rows (with seed) before cutting consecutive folds. */
  shuffle: boolean;
  seed: number;
}

/**
 * K consecutive folds: each is the test set once. The first n mod K folds have one extra sample,
 * as in scikit-learn, so unshuffled folds equal scikit-learn's exactly.
 */
export class KFold implements CrossValidator {
  readonly params: Readonly<KFoldParams>;

  constructor(params: Partial<KFoldParams> = {}) {
    this.params = { nSplits: 5, shuffle: false, seed: 0, ...params };
  }

  getNSplits(): number {
    return this.params.nSplits;
  }

  /** Yields {train, test} index arrays, test folds in order. */
  *split(X: ArrayLike<unknown>): Generator<Fold> {
    const where = 'KFold.split';
    const k = this.params.nSplits;
    checkPositiveInt(k, where, 'nSplits', 2);
    const n = X.length;
    if (k > n) fail(where, `nSplits = ${k} is more than the ${n} samples; lower nSplits`);
    const order = this.params.shuffle ? toRandom(this.params.seed).permutation(n) : Array.from({ length: n }, (_, i) => i);
    let start = 0;
    for (let f = 0; f < k; f++) {
      const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
      const test = order.slice(start, start + size);
      const inTest = new Set(test);
      yield { train: order.filter((i) => !inTest.has(i)).sort((a, b) => a - b), test };
      start += size;
    }
  }
}
