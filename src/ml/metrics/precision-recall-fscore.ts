import { describeValue } from '../core/describe-value.ts';
import { checkOneOf, fail } from '../core/validate.ts';
import { checkLabelPair, formatLabels, uniqueLabels, type Label, type LabelsLike } from './labels.ts';

/** How per-class scores become one number (scikit-learn's `average`). */
export type Average = 'binary' | 'macro' | 'micro' | 'weighted';

export interface ClassificationScoreOptions<L extends Label = Label> {
  /** 'binary' (default) scores only posLabel; the others average over labels. */
  average?: Average;
  /** The positive class for average 'binary' (default 1; string labels must name it). */
  posLabel?: L;
  /** Which labels to score; default all labels in yTrue and yPred. */
  labels?: readonly L[];
  /** Value of a ratio whose denominator is 0 (scikit-learn warns and uses 0). */
  zeroDivision?: 0 | 1;
}

/** Per-class counts from which every precision-like score is a ratio. */
export interface ClassCounts<L extends Label = Label> {
  labels: L[];
  /** true positives, predicted positives (tp + fp), actual positives (tp + fn), all samples */
  tp: number[];
  predicted: number[];
  actual: number[];
  total: number;
}

/** One-vs-rest counts of every label. */
export function classCounts<L extends Label>(yTrue: readonly Label[], yPred: readonly Label[], labels: readonly L[]): ClassCounts<L> {
  const index = new Map<Label, number>(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const tp = new Array<number>(k).fill(0);
  const predicted = new Array<number>(k).fill(0);
  const actual = new Array<number>(k).fill(0);
  for (let s = 0; s < yTrue.length; s++) {
    const i = index.get(yTrue[s]);
    const j = index.get(yPred[s]);
    if (i !== undefined) actual[i]++;
    if (j !== undefined) predicted[j]++;
    if (i !== undefined && yTrue[s] === yPred[s]) tp[i]++;
  }
  return { labels: [...labels], tp, predicted, actual, total: yTrue.length };
}

/** Per-class precision, recall, F-beta and support, not averaged (precision_recall_fscore_support with average=None). */
export function precisionRecallFscoreSupport<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: { beta?: number; labels?: readonly L[]; zeroDivision?: 0 | 1 } = {},
): { labels: L[]; precision: number[]; recall: number[]; fScore: number[]; support: number[] } {
  const where = 'precisionRecallFscoreSupport';
  const [t, p] = checkLabelPair(yTrue, yPred, where);
  const c = classCounts(t, p, options.labels ?? uniqueLabels(t, p));
  const zd = options.zeroDivision ?? 0;
  const precision = c.tp.map((v, i) => ratio(v, c.predicted[i], zd));
  const recall = c.tp.map((v, i) => ratio(v, c.actual[i], zd));
  const fScore = precision.map((pr, i) => fBeta(pr, recall[i], options.beta ?? 1));
  return { labels: c.labels, precision, recall, fScore, support: c.actual };
}

/** Precision = TP / (TP + FP): of the samples predicted positive, the fraction that are. */
export function precisionScore<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: ClassificationScoreOptions<L> = {},
): number {
  return averaged('precisionScore', yTrue, yPred, options, (c, i, zd) => ratio(c.tp[i], c.predicted[i], zd));
}

/** Recall (sensitivity) = TP / (TP + FN): of the positive samples, the fraction found. */
export function recallScore<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: ClassificationScoreOptions<L> = {},
): number {
  return averaged('recallScore', yTrue, yPred, options, (c, i, zd) => ratio(c.tp[i], c.actual[i], zd));
}

/** F-beta = (1 + β²)·P·R / (β²·P + R): recall counts β times as much as precision. */
export function fbetaScore<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: ClassificationScoreOptions<L> & { beta: number },
): number {
  const beta = options.beta;
  if (typeof beta !== 'number' || !(beta >= 0)) fail('fbetaScore', `beta must be a number ≥ 0, got ${String(beta)}`);
  return averaged('fbetaScore', yTrue, yPred, options, (c, i, zd) =>
    fBeta(ratio(c.tp[i], c.predicted[i], zd), ratio(c.tp[i], c.actual[i], zd), beta),
  );
}

/** F1 = 2·P·R / (P + R), the harmonic mean of precision and recall. */
export function f1Score<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: ClassificationScoreOptions<L> = {},
): number {
  return averaged('f1Score', yTrue, yPred, options, (c, i, zd) =>
    fBeta(ratio(c.tp[i], c.predicted[i], zd), ratio(c.tp[i], c.actual[i], zd), 1),
  );
}

/** Specificity = TN / (TN + FP): of the negative samples, the fraction predicted negative. */
export function specificityScore<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: ClassificationScoreOptions<L> = {},
): number {
  return averaged('specificityScore', yTrue, yPred, options, (c, i, zd) => {
    const fp = c.predicted[i] - c.tp[i];
    const negatives = c.total - c.actual[i];
    return ratio(negatives - fp, negatives, zd);
  });
}

function ratio(numerator: number, denominator: number, zeroDivision: number): number {
  return denominator === 0 ? zeroDivision : numerator / denominator;
}

function fBeta(precision: number, recall: number, beta: number): number {
  if (beta === Infinity) return recall;
  const b2 = beta * beta;
  const denom = b2 * precision + recall;
  return denom === 0 ? 0 : ((1 + b2) * precision * recall) / denom;
}

/**
 * The shared averaging of scikit-learn: 'binary' scores posLabel, 'macro' is the plain mean over
 * labels, 'weighted' weighs by support, 'micro' pools the counts of all labels first.
 */
function averaged<L extends Label>(
  where: string,
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: ClassificationScoreOptions<L>,
  score: (c: ClassCounts, i: number, zeroDivision: number) => number,
): number {
  const [t, p] = checkLabelPair(yTrue, yPred, where);
  const average = options.average ?? 'binary';
  checkOneOf(average, ['binary', 'macro', 'micro', 'weighted'], where, 'average');
  const zd = options.zeroDivision ?? 0;
  const present = uniqueLabels(t, p);
  if (average === 'binary') {
    if (present.length > 2) {
      fail(where, `yTrue and yPred have ${present.length} labels ${formatLabels(present)}; average 'binary' needs 2. Use average 'macro', 'micro' or 'weighted'`);
    }
    // String labels have no default positive class: scikit-learn's pos_label=1 matches none of them.
    if (options.posLabel === undefined && typeof present[0] === 'string') {
      fail(where, `yTrue and yPred have labels ${formatLabels(present)}; pass posLabel to say which one is positive`);
    }
    const pos: Label = options.posLabel ?? 1;
    if (present.length === 2 && !(present as Label[]).includes(pos)) {
      fail(where, `posLabel ${describeValue(pos)} is not one of the labels ${formatLabels(present)}; pass posLabel`);
    }
    return score(classCounts(t, p, [pos]), 0, zd);
  }
  const c = classCounts(t, p, options.labels ?? present);
  const k = c.labels.length;
  if (average === 'micro') {
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    const pooled: ClassCounts = { labels: [NaN], tp: [sum(c.tp)], predicted: [sum(c.predicted)], actual: [sum(c.actual)], total: c.total * k };
    // Specificity pools TN and FP: total·K − actual gives the summed negatives.
    return score(pooled, 0, zd);
  }
  const scores = c.labels.map((_, i) => score(c, i, zd));
  if (average === 'macro') return scores.reduce((a, b) => a + b, 0) / k;
  const weightSum = c.actual.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return 0;
  return scores.reduce((a, s, i) => a + s * c.actual[i], 0) / weightSum;
}
