import { checkPositiveInt, fail } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import type { CrossValidator, Fold } from './k-fold.ts';

export interface StratifiedKFoldParams {
  nSplits: number;
  /** Shuffle each class's fold assignment (with seed). */
  shuffle: boolean;
  seed: number;
}

/**
 * K folds that keep each class's proportion: the samples of every class are dealt to the folds as
 * evenly as possible, with scikit-learn's allocation, so unshuffled folds equal scikit-learn's exactly.
 */
export class StratifiedKFold implements CrossValidator {
  readonly params: Readonly<StratifiedKFoldParams>;

  constructor(params: Partial<StratifiedKFoldParams> = {}) {
    this.params = { nSplits: 5, shuffle: false, seed: 0, ...params };
  }

  getNSplits(): number {
    return this.params.nSplits;
  }

  /** Yields {train, test} index arrays; y (class labels) is required. */
  *split(X: ArrayLike<unknown>, y?: ArrayLike<number>): Generator<Fold> {
    const where = 'StratifiedKFold.split';
    const k = this.params.nSplits;
    checkPositiveInt(k, where, 'nSplits', 2);
    if (y === undefined) fail(where, 'y is required: the folds keep the class proportions of y');
    const n = y.length;
    if (X.length !== n) fail(where, `y has ${n} values but X has ${X.length} rows; they must match`);
    // Classes numbered in order of first appearance, as scikit-learn encodes them.
    const code = new Map<number, number>();
    const encoded = Array.from(y, (v) => {
      if (!code.has(v)) code.set(v, code.size);
      return code.get(v)!;
    });
    const nClasses = code.size;
    const counts = new Array<number>(nClasses).fill(0);
    for (const c of encoded) counts[c]++;
    if (counts.every((c) => c < k)) fail(where, `nSplits = ${k} is more than the number of members of every class (${counts.join(', ')})`);
    // allocation[f][c]: class c samples in fold f, from dealing the class-sorted labels round robin.
    const sortedCodes = encoded.slice().sort((a, b) => a - b);
    const allocation = Array.from({ length: k }, () => new Array<number>(nClasses).fill(0));
    sortedCodes.forEach((c, i) => allocation[i % k][c]++);
    const random = toRandom(this.params.seed);
    const testFold = new Array<number>(n);
    for (let c = 0; c < nClasses; c++) {
      let folds: number[] = [];
      for (let f = 0; f < k; f++) for (let t = 0; t < allocation[f][c]; t++) folds.push(f);
      if (this.params.shuffle) folds = random.shuffle(folds);
      let next = 0;
      for (let i = 0; i < n; i++) if (encoded[i] === c) testFold[i] = folds[next++];
    }
    for (let f = 0; f < k; f++) {
      const test: number[] = [];
      const train: number[] = [];
      for (let i = 0; i < n; i++) (testFold[i] === f ? test : train).push(i);
      yield { train, test };
    }
  }
}
