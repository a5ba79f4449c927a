import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { fail, toRows, toVector } from '../core/validate.ts';
import { encodeLabels } from '../linear/labels.ts';
import { NaiveBayes } from './base.ts';
import { checkAlpha, classFeatureCounts, classLogPrior } from './counts.ts';

export interface MultinomialNBOptions {
  /** Additive smoothing added to every feature count (1 = Laplace). */
  alpha: number;
  /** Learn class priors from y; false means uniform priors. */
  fitPrior: boolean;
  /** Fixed class priors P(c) (overrides fitPrior). */
  classPrior: number[] | null;
}

const defaults: MultinomialNBOptions = { alpha: 1, fitPrior: true, classPrior: null };

/**
 * Multinomial naive Bayes for counts (word counts, TF-IDF): P(x | c) ∝ Π_j p_cj^x_j.
 * Fitted: `featureLogProb` (log p_cj), `classLogPrior`, `featureCount`, `classCount`.
 */
export class MultinomialNB extends NaiveBayes {
  readonly params: Readonly<MultinomialNBOptions>;
  protected readonly name = 'MultinomialNB';
  featureLogProb?: number[][];
  classLogPrior?: number[];
  featureCount?: number[][];
  classCount?: number[];

  constructor(options: Partial<MultinomialNBOptions> = {}) {
    super();
    this.params = { ...defaults, ...options };
  }

  /** Counts each feature per class and smooths the counts into log-probabilities. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'MultinomialNB.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const alpha = checkAlpha(this.params.alpha, where);
    rows.forEach((r, i) => r.forEach((v, j) => {
      if (v < 0) fail(where, `X[${i}][${j}] is ${v}; MultinomialNB needs non-negative counts or frequencies`);
    }));
    const { classes, codes } = encodeLabels(target, where, 1);
    const { featureCount, classCount } = classFeatureCounts(rows, codes, classes.length);
    // log p_cj = log(N_cj + α) − log Σ_j (N_cj + α)
    this.featureLogProb = featureCount.map((counts) => {
      const total = counts.reduce((a, c) => a + c + alpha, 0);
      return counts.map((c) => Math.log(c + alpha) - Math.log(total));
    });
    this.classLogPrior = classLogPrior(classCount, this.params.fitPrior, this.params.classPrior, where);
    this.featureCount = featureCount;
    this.classCount = classCount;
    this.classes = classes;
    this.nFeaturesIn = rows[0].length;
    return this;
  }

  protected jointLogLikelihood(rows: number[][]): number[][] {
    const flp = this.featureLogProb!, prior = this.classLogPrior!;
    // log P(c) + Σ_j x_j log p_cj
    return rows.map((x) => flp.map((logp, k) => x.reduce((s, v, j) => s + v * logp[j], prior[k])));
  }
}
