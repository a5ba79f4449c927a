import { fail, toVector, type VectorLike } from '../core/validate.ts';
import { binaryClfCurve } from './binary-clf-curve.ts';

export interface ThresholdCostOptions {
  /**
   * What a missed positive costs: one number for every positive, or one per row (read only where
   * the row is positive), e.g. the amount of a fraudulent transaction.
   */
  missCost: number | VectorLike;
  /** What each alert costs (a flagged row, positive or not), e.g. the time to review it. */
  alertCost: number;
}

export interface ThresholdCostCurve {
  /**
   * Increasing: every distinct score, then +∞ (flag nothing). A row is flagged when its score is
   * ≥ the threshold, so the first threshold flags every row.
   */
  thresholds: number[];
  /** cost[j] = missedCost[j] + alertCost · alerts[j]. */
  cost: number[];
  /** Σ missCost over the positives scored below thresholds[j]. */
  missedCost: number[];
  /** Rows flagged (true plus false positives) at thresholds[j]. */
  alerts: number[];
  truePositives: number[];
  falsePositives: number[];
  /** Index of the lowest cost; ties go to the highest threshold (the fewest alerts). */
  bestIndex: number;
}

/**
 * The total cost of acting on a score at every threshold: each missed positive costs its own
 * missCost and each alert costs alertCost. One sweep over the rows sorted by score gives every
 * threshold at once (binaryClfCurve gives the confusion counts the same way).
 */
export function thresholdCostCurve(yTrue: VectorLike, yScore: VectorLike, options: ThresholdCostOptions): ThresholdCostCurve {
  const where = 'thresholdCostCurve';
  const labels = toVector(yTrue, where, { name: 'yTrue' });
  const scores = toVector(yScore, where, { name: 'yScore', length: labels.length });
  if (labels.length === 0) fail(where, 'yTrue is empty; the curve needs at least one row');
  if (labels.some((v) => v !== 0 && v !== 1)) fail(where, 'yTrue must hold 0 (negative) and 1 (positive) only');
  const { alertCost } = options;
  if (!(alertCost >= 0) || !Number.isFinite(alertCost)) fail(where, `alertCost must be a finite number ≥ 0, got ${alertCost}`);
  const missCost = typeof options.missCost === 'number'
    ? labels.map(() => options.missCost as number)
    : toVector(options.missCost, where, { name: 'missCost', length: labels.length });
  if (missCost.some((c, i) => labels[i] === 1 && !(c >= 0 && Number.isFinite(c)))) fail(where, 'missCost must be finite and ≥ 0 for every positive row');

  const { tps, fps, thresholds: descending } = binaryClfCurve(labels, scores, 1, where);
  const thresholds = [...descending.slice().reverse(), Infinity];
  // Walk the rows from the lowest score up: at threshold t, the positives scored below t are missed.
  const ascending = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const missedCost: number[] = [];
  let missed = 0, r = 0;
  for (const threshold of thresholds) {
    for (; r < ascending.length && scores[ascending[r]] < threshold; r++) if (labels[ascending[r]] === 1) missed += missCost[ascending[r]];
    missedCost.push(missed);
  }
  // +∞ flags nothing: no true or false positives.
  const truePositives = [...tps.slice().reverse(), 0];
  const falsePositives = [...fps.slice().reverse(), 0];
  const alerts = truePositives.map((tp, j) => tp + falsePositives[j]);
  const cost = missedCost.map((m, j) => m + alertCost * alerts[j]);
  let bestIndex = 0;
  for (let j = 1; j < cost.length; j++) if (cost[j] <= cost[bestIndex]) bestIndex = j;
  return { thresholds, cost, missedCost, alerts, truePositives, falsePositives, bestIndex };
}
