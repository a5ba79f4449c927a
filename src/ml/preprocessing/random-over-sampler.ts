import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { groupByClass, targetCounts, type Resampled, type SamplingStrategy } from './sampling-strategy.ts';

export interface RandomOverSamplerParams {
  samplingStrategy: SamplingStrategy;
  seed: number;
}

/** Balances classes by repeating randomly chosen rows of the smaller classes (drawn with replacement). */
export class RandomOverSampler {
  readonly params: Readonly<RandomOverSamplerParams>;
  /** Row of the input X behind each row of the result (imbalanced-learn's sample_indices_). */
  sampleIndices?: number[];

  constructor(params: Partial<RandomOverSamplerParams> = {}) {
    this.params = { samplingStrategy: 'auto', seed: 0, ...params };
  }

  /** The original rows followed by the repeated ones. */
  fitResample(X: MatrixLike, y: VectorLike): Resampled {
    const where = 'RandomOverSampler.fitResample';
    const { rows, labels, classes, members } = groupByClass(X, y, where);
    const targets = targetCounts(members.map((m) => m.length), this.params.samplingStrategy, 'over', where);
    const random = toRandom(this.params.seed);
    const outX = rows.map((r) => r.slice());
    const outY = labels.slice();
    const indices = rows.map((_, i) => i);
    classes.forEach((c, k) => {
      for (let s = members[k].length; s < targets[k]; s++) {
        const i = members[k][random.int(members[k].length)];
        outX.push(rows[i].slice());
        outY.push(c);
        indices.push(i);
      }
    });
    this.sampleIndices = indices;
    return { X: outX, y: outY };
  }
}
