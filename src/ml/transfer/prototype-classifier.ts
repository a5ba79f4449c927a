import type { Classifier } from '../core/estimator.ts';
import { checkFitted, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';

/** PrototypeClassifier has no options: a prototype is a plain mean, the distance squared Euclidean. */
export type PrototypeClassifierParams = Record<string, never>;

/**
 * Few-shot classification by nearest prototype (the classifier of prototypical networks, and
 * scikit-learn's NearestCentroid): each class is summarised by the mean of its examples,
 * c_k = (1/|S_k|) Σ_{x ∈ S_k} x, and a query goes to the class whose prototype is nearest in
 * squared Euclidean distance ‖x − c_k‖². Fit on embeddings, it needs no training at all.
 */
export class PrototypeClassifier implements Classifier<PrototypeClassifierParams> {
  readonly params: Readonly<PrototypeClassifierParams> = {};
  /** The class labels, sorted. */
  classes?: number[];
  /** prototypes[k] is the mean of the examples of classes[k]. */
  prototypes?: number[][];

  fit(X: MatrixLike, y: VectorLike): this {
    const where = 'PrototypeClassifier.fit';
    const rows = toRows(X, where);
    const labels = toVector(y, where, { name: 'y', length: rows.length });
    const classes = [...new Set(labels)].sort((a, b) => a - b);
    if (classes.length < 2) fail(where, `needs examples of at least 2 classes, got only class ${classes[0]}`);
    const d = rows[0].length;
    const sums = classes.map(() => new Array<number>(d).fill(0));
    const counts = classes.map(() => 0);
    const indexOf = new Map(classes.map((c, k) => [c, k]));
    rows.forEach((x, i) => {
      const k = indexOf.get(labels[i])!;
      counts[k]++;
      x.forEach((v, j) => { sums[k][j] += v; });
    });
    // c_k = Σ x / |S_k|
    this.prototypes = sums.map((s, k) => s.map((v) => v / counts[k]));
    this.classes = classes;
    return this;
  }

  /** ‖x − c_k‖² for every query x (rows) and prototype c_k (columns). */
  squaredDistances(X: MatrixLike): number[][] {
    const where = 'PrototypeClassifier.squaredDistances';
    const prototypes = checkFitted(this.prototypes, where);
    const rows = toRows(X, where);
    if (rows[0].length !== prototypes[0].length) {
      fail(where, `queries have ${rows[0].length} features but the prototypes were fitted on ${prototypes[0].length}`);
    }
    return rows.map((x) => prototypes.map((c) => c.reduce((sum, ck, j) => sum + (x[j] - ck) ** 2, 0)));
  }

  /** The class of the nearest prototype (ties go to the first class, as in scikit-learn). */
  predict(X: MatrixLike): number[] {
    const classes = checkFitted(this.classes, 'PrototypeClassifier.predict');
    return this.squaredDistances(X).map((d) => classes[d.indexOf(Math.min(...d))]);
  }

  /**
   * Prototypical networks' class probabilities: a softmax over negative squared distances,
   * p(k | x) ∝ exp(−‖x − c_k‖²).
   */
  predictProba(X: MatrixLike): number[][] {
    return this.squaredDistances(X).map((d) => {
      const nearest = Math.min(...d);
      // shifting by the smallest distance keeps exp from underflowing to 0/0
      const weights = d.map((v) => Math.exp(nearest - v));
      const total = weights.reduce((s, w) => s + w, 0);
      return weights.map((w) => w / total);
    });
  }

  /** Accuracy on (X, y). */
  score(X: MatrixLike, y: VectorLike): number {
    const predicted = this.predict(X);
    const labels = toVector(y, 'PrototypeClassifier.score', { name: 'y', length: predicted.length });
    return predicted.filter((p, i) => p === labels[i]).length / labels.length;
  }
}
