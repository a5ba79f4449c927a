import { checkOneOf, fail, toRows, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { auc } from './auc.ts';
import { binaryClfCurve, checkBothClasses } from './binary-clf-curve.ts';
import { toLabels, uniqueLabels, type Label, type LabelsLike } from './labels.ts';

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Decreasing; the first is max(score) + 1 so the curve starts at (0, 0), as in scikit-learn 1.2. */
  thresholds: number[];
}

/**
 * The receiver operating characteristic: false and true positive rates at every threshold.
 * With dropIntermediate (default), points on a straight segment are dropped, as scikit-learn does.
 */
export function rocCurve<L extends Label>(
  yTrue: LabelsLike<L>,
  yScore: VectorLike,
  options: { posLabel?: L; dropIntermediate?: boolean } = {},
): RocCurve {
  const where = 'rocCurve';
  let { fps, tps, thresholds } = binaryClfCurve(yTrue, yScore, options.posLabel, where);
  checkBothClasses(fps, tps, where);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    // Keep a point only where the second difference of fps or tps is non-zero (a corner).
    const keep = fps.map((_, i) => i === 0 || i === fps.length - 1
      || fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0);
    fps = fps.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  const negatives = fps[fps.length - 1];
  const positives = tps[tps.length - 1];
  return {
    fpr: [0, ...fps.map((v) => v / negatives)],
    tpr: [0, ...tps.map((v) => v / positives)],
    thresholds: [thresholds[0] + 1, ...thresholds],
  };
}

export interface RocAucOptions<L extends Label = Label> {
  /** The positive class of a binary yTrue (default: the greater label, as scikit-learn). */
  posLabel?: L;
  /** For a score matrix (one column per class): one-vs-rest or one-vs-one (Hand & Till). */
  multiClass?: 'ovr' | 'ovo';
  /** How the per-class (or per-pair) AUCs are averaged. */
  average?: 'macro' | 'weighted';
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative.
 * yScore is a vector (binary) or a matrix of class probabilities (multiclass, columns = sorted labels).
 */
export function rocAucScore<L extends Label>(yTrue: LabelsLike<L>, yScore: VectorLike | MatrixLike, options: RocAucOptions<L> = {}): number {
  const where = 'rocAucScore';
  const first = (yScore as ArrayLike<unknown>)[0];
  if (!Array.isArray(first) && typeof first === 'number') {
    // As scikit-learn's roc_auc_score: without posLabel, the greater of the two labels is positive.
    const labels = uniqueLabels(toLabels(yTrue, where, 'yTrue'));
    if (labels.length > 2 && options.posLabel === undefined) {
      fail(where, `yTrue has ${labels.length} classes but yScore is one score per row; pass one column per class (multiClass 'ovr' or 'ovo'), or posLabel to score one class against the rest`);
    }
    const { fpr, tpr } = rocCurve(yTrue, yScore as VectorLike, { posLabel: options.posLabel ?? labels[labels.length - 1] });
    return auc(fpr, tpr);
  }
  const P = toRows(yScore as MatrixLike, where, { name: 'yScore' });
  const t = toLabels(yTrue, where, 'yTrue');
  if (t.length !== P.length) fail(where, `yTrue has ${t.length} values but yScore has ${P.length} rows; they must match`);
  const labels = uniqueLabels(t);
  if (labels.length !== P[0].length) {
    fail(where, `yTrue has ${labels.length} classes but yScore has ${P[0].length} columns; they must match`);
  }
  const multiClass = options.multiClass ?? 'ovr';
  const average = options.average ?? 'macro';
  checkOneOf(multiClass, ['ovr', 'ovo'], where, 'multiClass');
  checkOneOf(average, ['macro', 'weighted'], where, 'average');
  const column = (j: number, rows: number[]) => rows.map((i) => P[i][j]);
  const all = t.map((_, i) => i);
  if (labels.length === 2) return rocAucScore(t, column(1, all), { posLabel: labels[1] });
  const scores: number[] = [];
  const weights: number[] = [];
  if (multiClass === 'ovr') {
    labels.forEach((label, j) => {
      const binary: number[] = t.map((v) => (v === label ? 1 : 0));
      scores.push(rocAucScore(binary, column(j, all)));
      weights.push(binary.reduce((a, b) => a + b, 0));
    });
  } else {
    // Hand & Till: for each pair, the mean of AUC(a vs b on column a) and AUC(b vs a on column b).
    for (let a = 0; a < labels.length; a++) {
      for (let b = a + 1; b < labels.length; b++) {
        const rows = all.filter((i) => t[i] === labels[a] || t[i] === labels[b]);
        const isA: number[] = rows.map((i) => (t[i] === labels[a] ? 1 : 0));
        const isB = isA.map((v) => 1 - v);
        scores.push((rocAucScore(isA, column(a, rows)) + rocAucScore(isB, column(b, rows))) / 2);
        weights.push(rows.length);
      }
    }
  }
  if (average === 'macro') return scores.reduce((x, y) => x + y, 0) / scores.length;
  const total = weights.reduce((x, y) => x + y, 0);
  return scores.reduce((x, s, i) => x + s * weights[i], 0) / total;
}
