import { rng } from '../core/random.ts';
import type { CrossValidator, Fold } from './k-fold.ts';

/**
 * The folds of `base`, each train and test part cut to `fraction` of its rows, drawn without
 * replacement (scikit-learn's _SubsampleMetaSplitter). As scikit-learn's with an integer
 * random_state, every cut starts the generator afresh from `seed`: every rung and candidate sees
 * the same draw, and a bigger rung's rows are not a superset of a smaller one's.
 */
export class SubsampleSplitter implements CrossValidator {
  constructor(private readonly base: CrossValidator, private readonly fraction: number, private readonly seed: number) {}

  getNSplits(): number {
    return this.base.getNSplits();
  }

  *split(X: ArrayLike<unknown>, y?: ArrayLike<number>): Generator<Fold> {
    const cut = (rows: number[]) => rng(this.seed).sample(rows.length, Math.floor(this.fraction * rows.length)).map((k) => rows[k]);
    for (const { train, test } of this.base.split(X, y)) yield { train: cut(train), test: cut(test) };
  }
}
