import { checkOneOf, checkPositiveInt, fail, type VectorLike } from '../core/validate.ts';
import { quantileSorted, sortedCopy } from '../core/quantile.ts';
import { checkLabelsAndScores, resolvePosLabel, type Label, type LabelsLike } from './labels.ts';

export interface CalibrationCurve {
  /** Fraction of positives in each non-empty bin. */
  probTrue: number[];
  /** Mean predicted probability in each non-empty bin. */
  probPred: number[];
}

/**
 * Reliability diagram data: predicted probabilities binned into nBins (equal widths with 'uniform',
 * equal counts with 'quantile'); a calibrated model has probTrue ≈ probPred.
 */
export function calibrationCurve<L extends Label>(
  yTrue: LabelsLike<L>,
  yProb: VectorLike,
  options: { nBins?: number; strategy?: 'uniform' | 'quantile'; posLabel?: L } = {},
): CalibrationCurve {
  const where = 'calibrationCurve';
  const nBins = options.nBins ?? 5;
  const strategy = options.strategy ?? 'uniform';
  checkPositiveInt(nBins, where, 'nBins');
  checkOneOf(strategy, ['uniform', 'quantile'], where, 'strategy');
  const [t, p] = checkLabelsAndScores(yTrue, yProb, where, 'yProb');
  p.forEach((v, i) => {
    if (v < 0 || v > 1) fail(where, `yProb[${i}] = ${v} is not a probability in [0, 1]`);
  });
  const pos = resolvePosLabel(t, options.posLabel, where);
  const sorted = sortedCopy(p);
  const edges = Array.from({ length: nBins + 1 }, (_, i) =>
    strategy === 'uniform' ? i / nBins : quantileSorted(sorted, i / nBins),
  );
  const inner = edges.slice(1, -1);
  const sums = new Array<number>(nBins).fill(0);
  const positives = new Array<number>(nBins).fill(0);
  const counts = new Array<number>(nBins).fill(0);
  for (let i = 0; i < p.length; i++) {
    // searchsorted(inner, p, side='left'): number of inner edges strictly below p.
    let bin = 0;
    while (bin < inner.length && inner[bin] < p[i]) bin++;
    sums[bin] += p[i];
    positives[bin] += t[i] === pos ? 1 : 0;
    counts[bin]++;
  }
  const probTrue: number[] = [];
  const probPred: number[] = [];
  for (let b = 0; b < nBins; b++) {
    if (counts[b] === 0) continue;
    probTrue.push(positives[b] / counts[b]);
    probPred.push(sums[b] / counts[b]);
  }
  return { probTrue, probPred };
}
