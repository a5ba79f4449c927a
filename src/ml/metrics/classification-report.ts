import { checkLabelPair, uniqueLabels, type Label, type LabelsLike } from './labels.ts';
import { precisionRecallFscoreSupport } from './precision-recall-fscore.ts';

/** Precision, recall, F1 and support of one class or one average. */
export interface ReportRow {
  precision: number;
  recall: number;
  f1Score: number;
  support: number;
}

/** scikit-learn's classification_report(output_dict=True) as typed data. */
export interface ClassificationReport<L extends Label = Label> {
  classes: (ReportRow & { label: L })[];
  accuracy: number;
  macroAvg: ReportRow;
  weightedAvg: ReportRow;
}

/** Per-class precision, recall, F1 and support with accuracy and the macro and weighted averages, as data. */
export function classificationReport<L extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  options: { labels?: readonly L[]; zeroDivision?: 0 | 1 } = {},
): ClassificationReport<L> {
  const [t, p] = checkLabelPair(yTrue, yPred, 'classificationReport');
  const labels = options.labels ?? uniqueLabels(t, p);
  const r = precisionRecallFscoreSupport(t, p, { labels, zeroDivision: options.zeroDivision });
  const classes = labels.map((label, i) => ({
    label,
    precision: r.precision[i],
    recall: r.recall[i],
    f1Score: r.fScore[i],
    support: r.support[i],
  }));
  const total = r.support.reduce((a, b) => a + b, 0);
  const mean = (key: keyof ReportRow, weighted: boolean): number =>
    weighted
      ? total === 0 ? 0 : classes.reduce((a, c) => a + c[key] * c.support, 0) / total
      : classes.reduce((a, c) => a + c[key], 0) / classes.length;
  const avg = (weighted: boolean): ReportRow => ({
    precision: mean('precision', weighted),
    recall: mean('recall', weighted),
    f1Score: mean('f1Score', weighted),
    support: total,
  });
  let correct = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) correct++;
  return { classes, accuracy: correct / t.length, macroAvg: avg(false), weightedAvg: avg(true) };
}
