import { checkPositiveInt, fail } from '../core/validate.ts';
import type { CrossValidator, Fold } from './k-fold.ts';

export interface TimeSeriesSplitParams {
  nSplits: number;
  /** Keep at most this many of the most recent samples for training (sliding window). */
  maxTrainSize?: number;
  /** Samples per test fold; default ⌊n / (nSplits + 1)⌋. */
  testSize?: number;
  /** Samples left out between the end of train and the start of test. */
  gap: number;
}

/** Forward-chaining folds for ordered data: always train on the past, test on the block that follows. */
export class TimeSeriesSplit implements CrossValidator {
  readonly params: Readonly<TimeSeriesSplitParams>;

  constructor(params: Partial<TimeSeriesSplitParams> = {}) {
    this.params = { nSplits: 5, gap: 0, ...params };
  }

  getNSplits(): number {
    return this.params.nSplits;
  }

  /** Yields {train, test} index arrays with every train index before every test index. */
  *split(X: ArrayLike<unknown>): Generator<Fold> {
    const where = 'TimeSeriesSplit.split';
    const { nSplits, gap, maxTrainSize } = this.params;
    checkPositiveInt(nSplits, where, 'nSplits', 2);
    checkPositiveInt(gap, where, 'gap', 0);
    const n = X.length;
    if (nSplits + 1 > n) fail(where, `nSplits + 1 = ${nSplits + 1} folds is more than the ${n} samples`);
    const testSize = this.params.testSize ?? Math.floor(n / (nSplits + 1));
    if (n - gap - testSize * nSplits <= 0) {
      fail(where, `too many splits (${nSplits}) for ${n} samples with testSize ${testSize} and gap ${gap}`);
    }
    const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
    for (let testStart = n - nSplits * testSize; testStart < n; testStart += testSize) {
      const trainEnd = testStart - gap;
      const trainStart = maxTrainSize !== undefined && maxTrainSize < trainEnd ? trainEnd - maxTrainSize : 0;
      yield { train: range(trainStart, trainEnd), test: range(testStart, testStart + testSize) };
    }
  }
}
