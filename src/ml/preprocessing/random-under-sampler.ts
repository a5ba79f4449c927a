import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { groupByClass, targetCounts, type Resampled, type SamplingStrategy } from './sampling-strategy.ts';

export interface RandomUnderSamplerParams {
  samplingStrategy: SamplingStrategy;
  seed: number;
}

/** Balances classes by keeping a random subset (without replacement) of the larger classes. */
export class RandomUnderSampler {
  readonly params: Readonly<RandomUnderSamplerParams>;
  /** Indices of the kept rows in the input, class by class. */
  sampleIndices?: number[];

  constructor(params: Partial<RandomUnderSamplerParams> = {}) {
    this.params = { samplingStrategy: 'auto', seed: 0, ...params };
  }

  /** The kept rows, class by class (classes in sorted order). */
  fitResample(X: MatrixLike, y: VectorLike): Resampled {
    const where = 'RandomUnderSampler.fitResample';
    const { rows, labels, members } = groupByClass(X, y, where);
    const targets = targetCounts(members.map((m) => m.length), this.params.samplingStrategy, 'under', where);
    const random = toRandom(this.params.seed);
    const kept = members.flatMap((m, k) => random.sample(m.length, targets[k]).sort((a, b) => a - b).map((p) => m[p]));
    this.sampleIndices = kept;
    return { X: kept.map((i) => rows[i].slice()), y: kept.map((i) => labels[i]) };
  }
}
