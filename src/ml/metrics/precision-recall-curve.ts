import type { VectorLike } from '../core/validate.ts';
import { fail } from '../core/validate.ts';
import { binaryClfCurve } from './binary-clf-curve.ts';
import type { Label, LabelsLike } from './labels.ts';

export interface PrecisionRecallCurve {
  /** One more value than thresholds: the last point is (recall 0, precision 1). */
  precision: number[];
  recall: number[];
  /** Increasing. */
  thresholds: number[];
}

/** Precision and recall at every distinct score used as a threshold (recall decreasing), as scikit-learn 1.2. */
export function precisionRecallCurve<L extends Label>(
  yTrue: LabelsLike<L>,
  probasPred: VectorLike,
  options: { posLabel?: L } = {},
): PrecisionRecallCurve {
  const where = 'precisionRecallCurve';
  const { fps, tps, thresholds } = binaryClfCurve(yTrue, probasPred, options.posLabel, where);
  const positives = tps[tps.length - 1];
  if (positives === 0) fail(where, 'yTrue has no positive sample, so recall is undefined');
  const precision = tps.map((tp, i) => (tp + fps[i] === 0 ? 0 : tp / (tp + fps[i])));
  const recall = tps.map((tp) => tp / positives);
  return {
    precision: [...precision.reverse(), 1],
    recall: [...recall.reverse(), 0],
    thresholds: thresholds.slice().reverse(),
  };
}

/** Average precision AP = Σ (R_n − R_{n−1})·P_n: the step-wise area under the precision–recall curve. */
export function averagePrecisionScore<L extends Label>(yTrue: LabelsLike<L>, yScore: VectorLike, options: { posLabel?: L } = {}): number {
  const { precision, recall } = precisionRecallCurve(yTrue, yScore, options);
  let ap = 0;
  // recall is decreasing, so −(R_{i+1} − R_i) is the width of each step.
  for (let i = 0; i < recall.length - 1; i++) ap -= (recall[i + 1] - recall[i]) * precision[i];
  return ap;
}
