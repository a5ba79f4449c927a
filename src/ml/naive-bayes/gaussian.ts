import type { MatrixLike, VectorLike } from '../core/validate.ts';
import { fail, toRows, toVector } from '../core/validate.ts';
import { encodeLabels } from '../linear/labels.ts';
import { NaiveBayes } from './base.ts';

export interface GaussianNBOptions {
  /** Added to every variance, as a fraction of the largest feature variance (keeps log densities finite). */
  varSmoothing: number;
  /** Class priors P(c); by default the class frequencies in y. */
  priors: number[] | null;
}

const defaults: GaussianNBOptions = { varSmoothing: 1e-9, priors: null };

/**
 * Gaussian naive Bayes: each feature is normal within each class, independently of the others.
 * Fitted attributes as scikit-learn: `theta` (class means), `var` (class variances), `classPrior`.
 */
export class GaussianNB extends NaiveBayes {
  readonly params: Readonly<GaussianNBOptions>;
  protected readonly name = 'GaussianNB';
  theta?: number[][];
  var?: number[][];
  classPrior?: number[];
  classCount?: number[];
  epsilon?: number;

  constructor(options: Partial<GaussianNBOptions> = {}) {
    super();
    this.params = { ...defaults, ...options };
  }

  /** Estimates each class's feature means and variances and the class priors. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'GaussianNB.fit';
    const rows = toRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const { varSmoothing, priors } = this.params;
    if (!(varSmoothing >= 0)) fail(where, `varSmoothing must be ≥ 0, got ${varSmoothing}`);
    const { classes, codes } = encodeLabels(target, where, 1);
    const n = rows.length, d = rows[0].length, K = classes.length;

    // ε = varSmoothing · max_j Var(X_j), so smoothing scales with the data.
    let maxVar = 0;
    for (let j = 0; j < d; j++) maxVar = Math.max(maxVar, variance(rows.map((r) => r[j])));
    const epsilon = varSmoothing * maxVar;

    const count = new Array<number>(K).fill(0);
    const theta = Array.from({ length: K }, () => new Array<number>(d).fill(0));
    const sigma = Array.from({ length: K }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      count[codes[i]]++;
      for (let j = 0; j < d; j++) theta[codes[i]][j] += rows[i][j];
    }
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) theta[k][j] /= count[k];
    // σ²_kj = mean over class k of (x_j − θ_kj)² (two passes: numerically stable)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) sigma[codes[i]][j] += (rows[i][j] - theta[codes[i]][j]) ** 2;
    }
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) sigma[k][j] = sigma[k][j] / count[k] + epsilon;

    let classPrior = count.map((c) => c / n);
    if (priors !== null) {
      if (priors.length !== K) fail(where, `priors has ${priors.length} values but y has ${K} classes`);
      if (priors.some((p) => p < 0)) fail(where, 'priors must be non-negative');
      if (Math.abs(priors.reduce((a, b) => a + b, 0) - 1) > 1e-8) fail(where, 'priors must sum to 1');
      classPrior = priors.slice();
    }

    this.classes = classes;
    this.nFeaturesIn = d;
    this.classCount = count;
    this.theta = theta;
    this.var = sigma;
    this.classPrior = classPrior;
    this.epsilon = epsilon;
    return this;
  }

  protected jointLogLikelihood(rows: number[][]): number[][] {
    const theta = this.theta!, sigma = this.var!, prior = this.classPrior!;
    return rows.map((x) =>
      theta.map((mean, k) => {
        // log P(c) − ½ Σ_j log(2π σ²_kj) − ½ Σ_j (x_j − θ_kj)² / σ²_kj
        let s = Math.log(prior[k]);
        for (let j = 0; j < x.length; j++) {
          s -= 0.5 * Math.log(2 * Math.PI * sigma[k][j]) + (0.5 * (x[j] - mean[j]) ** 2) / sigma[k][j];
        }
        return s;
      }),
    );
  }
}

function variance(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
}
