import { fail, type VectorLike } from '../core/validate.ts';
import { checkLabelsAndScores, resolvePosLabel, type Label, type LabelsLike } from './labels.ts';

/**
 * Counts of false and true positives when predicting positive for every score ≥ threshold, at
 * each distinct score from high to low (scikit-learn's _binary_clf_curve).
 */
export function binaryClfCurve<L extends Label>(
  yTrue: LabelsLike<L>,
  yScore: VectorLike,
  posLabel: L | undefined,
  where: string,
): { fps: number[]; tps: number[]; thresholds: number[] } {
  const [t, s] = checkLabelsAndScores(yTrue, yScore, where, 'yScore');
  const pos = resolvePosLabel(t, posLabel, where);
  const order = s.map((_, i) => i).sort((a, b) => s[b] - s[a]);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let r = 0; r < order.length; r++) {
    if (t[order[r]] === pos) tp++;
    // Only the last sample of a run of equal scores is a threshold: ties move together.
    const last = r === order.length - 1 || s[order[r + 1]] !== s[order[r]];
    if (last) {
      tps.push(tp);
      fps.push(r + 1 - tp);
      thresholds.push(s[order[r]]);
    }
  }
  return { fps, tps, thresholds };
}

/** Rates need both classes: throws when yTrue has no positive or no negative sample. */
export function checkBothClasses(fps: number[], tps: number[], where: string): void {
  if (tps[tps.length - 1] === 0) fail(where, 'yTrue has no positive sample, so the true positive rate is undefined');
  if (fps[fps.length - 1] === 0) fail(where, 'yTrue has no negative sample, so the false positive rate is undefined');
}
