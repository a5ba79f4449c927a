import { describeValue } from './describe-value.ts';
import { fail, toVector, type VectorLike } from './validate.ts';

/**
 * How much each class weighs in a fit: 'balanced' (n / (K · n_c), so every class weighs as much
 * in total), a map from class label to weight (classes left out weigh 1), or null (all 1).
 */
export type ClassWeight = 'balanced' | Readonly<Record<number, number>> | null;

/** One weight per class of `classes` (sorted labels), as scikit-learn's compute_class_weight. */
export function computeClassWeight(classWeight: ClassWeight | undefined, classes: readonly number[], y: readonly number[], where = 'computeClassWeight'): number[] {
  if (classWeight === null || classWeight === undefined) return classes.map(() => 1);
  if (classWeight === 'balanced') {
    const counts = classes.map((c) => y.filter((v) => v === c).length);
    return counts.map((count, k) => {
      if (count === 0) fail(where, `classWeight 'balanced' needs every class in y; class ${classes[k]} has no samples`);
      return y.length / (classes.length * count);
    });
  }
  if (typeof classWeight !== 'object' || Array.isArray(classWeight)) {
    fail(where, `classWeight must be 'balanced', a map {label: weight} or null, got ${describeValue(classWeight)}`);
  }
  for (const [label, weight] of Object.entries(classWeight)) {
    if (!classes.includes(Number(label))) fail(where, `classWeight names class ${label}, which is not in y (classes: ${classes.join(', ')})`);
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) {
      fail(where, `classWeight[${label}] is ${describeValue(weight)}; weights must be finite numbers ≥ 0`);
    }
  }
  return classes.map((c) => classWeight[c] ?? 1);
}

/** One weight per row, classWeight of its class: scikit-learn's compute_sample_weight. */
export function computeSampleWeight(classWeight: ClassWeight, y: VectorLike, where = 'computeSampleWeight'): number[] {
  const labels = toVector(y, where);
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const perClass = computeClassWeight(classWeight, classes, labels, where);
  const index = new Map(classes.map((c, k) => [c, k]));
  return labels.map((v) => perClass[index.get(v)!]);
}

/**
 * The weight of each row in a fit: sampleWeight_i · classWeight[y_i], checked (length, finite,
 * ≥ 0, not all 0). Undefined when neither is given, so unweighted fits keep their own fast path.
 * `codes[i]` is the index of row i's class in `classes`.
 */
export function fitWeights(
  classWeight: ClassWeight | undefined, sampleWeight: VectorLike | undefined,
  classes: readonly number[], codes: ArrayLike<number>, where: string,
): Float64Array | undefined {
  if ((classWeight === null || classWeight === undefined) && sampleWeight === undefined) return undefined;
  const n = codes.length;
  const labels = Array.from(codes, (k) => classes[k]);
  const perClass = computeClassWeight(classWeight, classes, labels, where);
  const base = sampleWeight === undefined ? undefined : toVector(sampleWeight, where, { name: 'sampleWeight', length: n });
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = base ? base[i] : 1;
    if (w < 0) fail(where, `sampleWeight[${i}] is ${w}; weights must be ≥ 0`);
    weights[i] = w * perClass[codes[i]];
  }
  if (!weights.some((w) => w > 0)) fail(where, 'every row has weight 0 (sampleWeight × classWeight); at least one must be positive');
  return weights;
}
