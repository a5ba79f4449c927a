import { describeValue } from '../core/describe-value.ts';
import { fail } from '../core/validate.ts';
import { checkLabelPair, toLabels, uniqueLabels, type Label, type LabelsLike } from './labels.ts';

export interface ByGroup<G extends Label, V> {
  /** The groups found in the sensitive feature, sorted. */
  groups: G[];
  /** One value per group, in the order of `groups`. */
  values: V[];
}

/**
 * A metric computed on each group's rows separately (fairlearn's MetricFrame(...).by_group):
 * the rows whose sensitive feature equals the group, in their original order.
 */
export function metricByGroup<L extends Label, G extends Label, V>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  sensitiveFeatures: LabelsLike<G>,
  metric: (yTrue: L[], yPred: L[], group: G) => V,
): ByGroup<G, V> {
  const where = 'metricByGroup';
  const [t, p] = checkLabelPair(yTrue, yPred, where);
  const s = toLabels(sensitiveFeatures, where, 'sensitiveFeatures');
  if (s.length !== t.length) fail(where, `sensitiveFeatures has ${s.length} values but yTrue has ${t.length}; give one group per row`);
  if (typeof metric !== 'function') fail(where, `metric must be a function (yTrue, yPred, group) => value, got ${describeValue(metric)}`);
  const groups = uniqueLabels(s);
  const values = groups.map((g) => {
    const rows = s.flatMap((v, i) => (v === g ? [i] : []));
    return metric(rows.map((i) => t[i]), rows.map((i) => p[i]), g);
  });
  return { groups, values };
}

/**
 * Each group's confusion matrix, all over the same labels (those of the whole data), so the
 * matrices line up even when a group lacks a class: rows are the truth, as in confusionMatrix.
 */
export function groupConfusionMatrices<L extends Label, G extends Label>(
  yTrue: LabelsLike<L>,
  yPred: LabelsLike<L>,
  sensitiveFeatures: LabelsLike<G>,
): ByGroup<G, number[][]> & { labels: L[] } {
  const [t, p] = checkLabelPair(yTrue, yPred, 'groupConfusionMatrices');
  const labels = uniqueLabels(t, p);
  // Counted here rather than by confusionMatrix, which refuses a group whose truth lacks every label passed.
  const index = new Map(labels.map((l, i) => [l, i]));
  const byGroup = metricByGroup(t, p, sensitiveFeatures, (gt, gp) => {
    const C = labels.map(() => new Array<number>(labels.length).fill(0));
    for (let i = 0; i < gt.length; i++) C[index.get(gt[i])!][index.get(gp[i])!]++;
    return C;
  });
  return { ...byGroup, labels };
}

