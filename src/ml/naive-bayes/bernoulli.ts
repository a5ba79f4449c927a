import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { toRows, toVector } from '../core/validate.ts';
import { encodeLabels } from '../linear/labels.ts';
import { NaiveBayes } from './base.ts';
import { checkAlpha, classFeatureCounts, classLogPrior } from './counts.ts';

export interface BernoulliNBOptions {
  /** Additive smoothing of the presence counts. */
  alpha: number;
  /** Values above this threshold count as "present" (1); null means X is already binary. */
  binarize: number | null;
  fitPrior: boolean;
  classPrior: number[] | null;
}

const defaults: BernoulliNBOptions = { alpha: 1, binarize: 0, fitPrior: true, classPrior: null };

/**
 * Bernoulli naive Bayes for binary features: each feature is present with probability p_cj in
 * class c, and an absent feature counts as evidence too (unlike MultinomialNB).
 */
export class BernoulliNB extends NaiveBayes {
  readonly params: Readonly<BernoulliNBOptions>;
  protected readonly name = 'BernoulliNB';
  featureLogProb?: number[][];
  classLogPrior?: number[];
  featureCount?: number[][];
  classCount?: number[];

  constructor(options: Partial<BernoulliNBOptions> = {}) {
    super();
    this.params = { ...defaults, ...options };
  }

  /** Estimates the presence probability of each feature per class. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'BernoulliNB.fit';
    const rows = this.binarize(toRows(X, where));
    const target = toVector(y, where, { length: rows.length });
    const alpha = checkAlpha(this.params.alpha, where);
    const { classes, codes } = encodeLabels(target, where, 1);
    const { featureCount, classCount } = classFeatureCounts(rows, codes, classes.length);
    // p_cj = (N_cj + α) / (N_c + 2α): two outcomes, present or absent
    this.featureLogProb = featureCount.map((counts, k) => counts.map((c) => Math.log(c + alpha) - Math.log(classCount[k] + 2 * alpha)));
    this.classLogPrior = classLogPrior(classCount, this.params.fitPrior, this.params.classPrior, where);
    this.featureCount = featureCount;
    this.classCount = classCount;
    this.classes = classes;
    this.nFeaturesIn = rows[0].length;
    return this;
  }

  protected jointLogLikelihood(rows: number[][]): number[][] {
    const flp = this.featureLogProb!, prior = this.classLogPrior!;
    const binary = this.binarize(rows);
    return binary.map((x) =>
      flp.map((logp, k) => {
        // log P(c) + Σ_j [x_j log p_cj + (1 − x_j) log(1 − p_cj)]
        let s = prior[k];
        for (let j = 0; j < x.length; j++) {
          const logNot = Math.log(1 - Math.exp(logp[j]));
          s += x[j] * logp[j] + (1 - x[j]) * logNot;
        }
        return s;
      }),
    );
  }

  private binarize(rows: number[][]): number[][] {
    const t = this.params.binarize;
    return t === null ? rows : rows.map((r) => r.map((v) => (v > t ? 1 : 0)));
  }
}
