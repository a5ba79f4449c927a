import { fail } from '../core/validate.ts';
import { checkLabelPair, toLabels, type Label, type LabelsLike } from './labels.ts';
import { metricByGroup } from './group-metrics.ts';

export interface FairnessOptions<L extends Label, G extends Label> {
  /** The group of each row (fairlearn's sensitive_features). */
  sensitiveFeatures: LabelsLike<G>;
  /** The favourable outcome; default 1. */
  posLabel?: L;
}

/** Fraction of rows predicted posLabel (fairlearn's selection_rate); yTrue is not read. */
export function selectionRate<L extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: { posLabel?: L } = {}): number {
  const [, p] = checkLabelPair(yTrue, yPred, 'selectionRate');
  const pos = options.posLabel ?? (1 as L);
  return p.filter((v) => v === pos).length / p.length;
}

/** TP / (TP + FN): of the rows truly posLabel, the fraction predicted so (fairlearn's true_positive_rate). */
export function truePositiveRate<L extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: { posLabel?: L } = {}): number {
  return rateAmong(yTrue, yPred, options.posLabel ?? (1 as L), true, 'truePositiveRate');
}

/** FP / (FP + TN): of the rows truly not posLabel, the fraction predicted posLabel (fairlearn's false_positive_rate). */
export function falsePositiveRate<L extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: { posLabel?: L } = {}): number {
  return rateAmong(yTrue, yPred, options.posLabel ?? (1 as L), false, 'falsePositiveRate');
}

function rateAmong<L extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, pos: L, positives: boolean, where: string): number {
  const [t, p] = checkLabelPair(yTrue, yPred, where);
  let among = 0;
  let selected = 0;
  for (let i = 0; i < t.length; i++) {
    if ((t[i] === pos) !== positives) continue;
    among++;
    if (p[i] === pos) selected++;
  }
  if (among === 0) fail(where, `yTrue has no ${positives ? '' : 'non-'}positive rows (posLabel ${JSON.stringify(pos)}), so the rate is undefined; does every group hold both classes?`);
  return selected / among;
}

type Rate = <L extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options?: { posLabel?: L }) => number;

function ratesByGroup<L extends Label, G extends Label>(rate: Rate, yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: FairnessOptions<L, G>, where: string): number[] {
  if (options?.sensitiveFeatures === undefined) fail(where, 'options.sensitiveFeatures is required: the group of each row');
  toLabels(options.sensitiveFeatures, where, 'sensitiveFeatures');
  return metricByGroup(yTrue, yPred, options.sensitiveFeatures, (t, p, g) => {
    try {
      return rate(t, p, { posLabel: options.posLabel });
    } catch (error) {
      fail(where, `group ${JSON.stringify(g)}: ${(error as Error).message}`);
    }
  }).values;
}

const spread = (v: number[]): number => Math.max(...v) - Math.min(...v);
// fairlearn divides without a guard: 0/0 (nobody selected in any group) is NaN.
const ratio = (v: number[]): number => Math.min(...v) / Math.max(...v);

/** Largest minus smallest selection rate over the groups (0 = demographic parity). */
export function demographicParityDifference<L extends Label, G extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: FairnessOptions<L, G>): number {
  return spread(ratesByGroup(selectionRate, yTrue, yPred, options, 'demographicParityDifference'));
}

/** Smallest over largest selection rate over the groups (1 = parity; the "four-fifths rule" asks ≥ 0.8). */
export function demographicParityRatio<L extends Label, G extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: FairnessOptions<L, G>): number {
  return ratio(ratesByGroup(selectionRate, yTrue, yPred, options, 'demographicParityRatio'));
}

/** The larger of the spreads of true-positive and false-positive rates over the groups (0 = equalized odds). */
export function equalizedOddsDifference<L extends Label, G extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: FairnessOptions<L, G>): number {
  const where = 'equalizedOddsDifference';
  return Math.max(spread(ratesByGroup(truePositiveRate, yTrue, yPred, options, where)), spread(ratesByGroup(falsePositiveRate, yTrue, yPred, options, where)));
}

/** The smaller of the min/max ratios of true-positive and false-positive rates over the groups (1 = equalized odds). */
export function equalizedOddsRatio<L extends Label, G extends Label>(yTrue: LabelsLike<L>, yPred: LabelsLike<L>, options: FairnessOptions<L, G>): number {
  const where = 'equalizedOddsRatio';
  return Math.min(ratio(ratesByGroup(truePositiveRate, yTrue, yPred, options, where)), ratio(ratesByGroup(falsePositiveRate, yTrue, yPred, options, where)));
}
