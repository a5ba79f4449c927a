import { fail, toVector, type VectorLike } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';

export interface TrainTestSplitOptions {
  /** Fraction (0–1) or number of test samples; default 0.25. */
  testSize?: number;
  /** Shuffle before splitting (default true); without it the last rows are the test set. */
  shuffle?: boolean;
  /** Labels whose proportions both parts keep (usually y). */
  stratify?: VectorLike;
  seed?: number;
}

/** The four parts of a split. */
export interface TrainTestSplit<T> {
  XTrain: T[];
  XTest: T[];
  yTrain: number[];
  yTest: number[];
}

/**
 * Splits rows into train and test parts: ⌈testSize·n⌉ test rows, shuffled with seed, optionally
 * stratified so each class keeps its share in both parts.
 */
export function trainTestSplit<T>(X: readonly T[], y: VectorLike, options: TrainTestSplitOptions = {}): TrainTestSplit<T> {
  const where = 'trainTestSplit';
  if (!Array.isArray(X) || X.length === 0) fail(where, 'X must be a non-empty array of rows');
  const n = X.length;
  const labels = toVector(y, where, { length: n });
  const testSize = options.testSize ?? 0.25;
  const nTest = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (!(testSize > 0) || !Number.isInteger(nTest) || nTest >= n) {
    fail(where, `testSize must be a fraction in (0, 1) or a whole number of rows below ${n}, got ${testSize}`);
  }
  const shuffle = options.shuffle ?? true;
  const random = toRandom(options.seed);
  let test: number[];
  if (options.stratify !== undefined) {
    if (!shuffle) fail(where, 'stratify needs shuffle: true (a stratified split picks rows at random within each class)');
    test = stratifiedTest(toVector(options.stratify, where, { name: 'stratify', length: n }), nTest, random);
  } else {
    const order = shuffle ? random.permutation(n) : Array.from({ length: n }, (_, i) => i);
    test = shuffle ? order.slice(0, nTest) : order.slice(n - nTest);
  }
  const inTest = new Set(test);
  const train = shuffle ? random.shuffle(X.map((_, i) => i).filter((i) => !inTest.has(i))) : X.map((_, i) => i).filter((i) => !inTest.has(i));
  return {
    XTrain: train.map((i) => X[i]),
    XTest: test.map((i) => X[i]),
    yTrain: train.map((i) => labels[i]),
    yTest: test.map((i) => labels[i]),
  };
}

/**
 * Test rows per class ∝ class size, rounded by largest remainder so they sum to nTest; then that
 * many random rows of each class.
 */
function stratifiedTest(classes: number[], nTest: number, random: ReturnType<typeof toRandom>): number[] {
  const groups = new Map<number, number[]>();
  classes.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
  const entries = [...groups.entries()].sort((a, b) => a[0] - b[0]);
  const exact = entries.map(([, rows]) => (rows.length * nTest) / classes.length);
  const take = exact.map(Math.floor);
  const order = exact.map((e, k) => ({ k, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.k - b.k);
  const missing = nTest - take.reduce((a, b) => a + b, 0);
  for (let r = 0; r < missing; r++) take[order[r].k]++;
  return random.shuffle(entries.flatMap(([, rows], k) => random.shuffle(rows).slice(0, take[k])));
}
