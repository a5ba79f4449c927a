import { cloneEstimator, type Classifier, type Estimator } from '../core/estimator.ts';
import { toRandom } from '../core/random.ts';
import { checkFitted, checkPositiveInt, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { DecisionTreeClassifier, argmax } from '../tree/classifier.ts';

export interface BaggingClassifierParams {
  /** The model to bag (a fresh copy per bag); a decision tree by default. */
  estimator: Classifier;
  nEstimators: number;
  /** Rows per bag: an integer count or a fraction of n in (0, 1]. */
  maxSamples: number;
  /** Features per bag: an integer count or a fraction of d in (0, 1]. */
  maxFeatures: number;
  /** Draw rows with replacement. */
  bootstrap: boolean;
  /** Draw features with replacement. */
  bootstrapFeatures: boolean;
  seed: number;
}

/**
 * Bootstrap aggregating (Breiman 1996): fits copies of one model on random samples of the rows
 * (and optionally of the features) and averages their class probabilities (or their votes).
 */
export class BaggingClassifier {
  readonly params: Readonly<BaggingClassifierParams>;
  estimators?: Classifier[];
  /** The feature indices each estimator was trained on. */
  estimatorsFeatures?: number[][];
  classes?: number[];

  constructor(params: Partial<BaggingClassifierParams> = {}) {
    this.params = {
      estimator: new DecisionTreeClassifier(), nEstimators: 10, maxSamples: 1, maxFeatures: 1, bootstrap: true, bootstrapFeatures: false, seed: 0,
      ...params,
    };
  }

  /** Fits nEstimators copies, each on its own random sample. */
  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'BaggingClassifier.fit';
    const rows = toRows(X, where);
    const labels = toVector(y, where, { length: rows.length });
    const p = this.params;
    checkPositiveInt(p.nEstimators, where, 'nEstimators');
    const nRows = countOf(p.maxSamples, rows.length, where, 'maxSamples');
    const nFeatures = countOf(p.maxFeatures, rows[0].length, where, 'maxFeatures');
    const random = toRandom(p.seed);
    this.classes = [...new Set(labels)].sort((a, b) => a - b);
    this.estimators = [];
    this.estimatorsFeatures = [];
    for (let e = 0; e < p.nEstimators; e++) {
      const features = random.sample(rows[0].length, nFeatures, p.bootstrapFeatures).sort((a, b) => a - b);
      const sample = random.sample(rows.length, nRows, p.bootstrap);
      const model = cloneEstimator(p.estimator, seedOverride(p.estimator, random.int(2 ** 31)));
      model.fit(sample.map((i) => features.map((f) => rows[i][f])), sample.map((i) => labels[i]));
      this.estimators.push(model);
      this.estimatorsFeatures.push(features);
    }
    return this;
  }

  /** Mean class probabilities over the bags (a bag that never saw a class gives it 0). */
  predictProba(X: MatrixLike): number[][] {
    const estimators = checkFitted(this.estimators, 'BaggingClassifier.predictProba');
    const rows = toRows(X, 'BaggingClassifier.predictProba');
    const k = this.classes!.length;
    const column = new Map(this.classes!.map((c, i) => [c, i]));
    const sum = rows.map(() => new Array<number>(k).fill(0));
    estimators.forEach((model, e) => {
      const sub = rows.map((row) => this.estimatorsFeatures![e].map((f) => row[f]));
      if (typeof model.predictProba === 'function') {
        // Map the model's own classes (those in its bag) onto the ensemble's columns.
        const own = model.classes ?? this.classes!;
        model.predictProba(sub).forEach((p, i) => p.forEach((v, c) => (sum[i][column.get(own[c])!] += v)));
      } else {
        model.predict(sub).forEach((label, i) => (sum[i][column.get(label)!] += 1));
      }
    });
    return sum.map((s) => s.map((v) => v / estimators.length));
  }

  /** The class with the highest mean probability. */
  predict(X: MatrixLike): number[] {
    return this.predictProba(X).map((p) => this.classes![argmax(p)]);
  }

  /** Accuracy on X, y. */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    if (predicted.length !== y.length) fail('BaggingClassifier.score', `y has ${y.length} values but X has ${predicted.length} rows; they must match`);
    return predicted.filter((p, i) => p === y[i]).length / predicted.length;
  }
}

/** Rows or features per bag from an integer count or a fraction of the total (scikit-learn's rule). */
export function countOf(value: number, total: number, where: string, name: string): number {
  if (Number.isInteger(value) && value >= 1 && value !== 1) {
    if (value > total) fail(where, `${name} = ${value} is more than the ${total} available`);
    return value;
  }
  if (value > 0 && value <= 1) return Math.max(1, Math.floor(value * total));
  return fail(where, `${name} must be an integer count or a fraction in (0, 1], got ${value}`);
}

/** Gives each bag's model its own seed when the model takes one, so bags differ but repeat. */
export function seedOverride(model: Estimator, seed: number): Record<string, number> {
  return 'seed' in model.params ? { seed } : {};
}
