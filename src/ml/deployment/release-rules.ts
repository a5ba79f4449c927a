/** A model's average precision on some transactions, and how many frauds it rests on. */
export interface RowsMetric {
  ap: number;
  positives: number;
}

/**
 * AP of `scores` on `rows`, as averagePrecisionScore (scikit-learn's average_precision_score):
 * AP = Σ_k (R_k − R_{k−1})·P_k over the distinct scores from the highest down, tied scores passing
 * the threshold together. NaN while the rows hold no fraud, or nothing else. The simulator calls it
 * for every live model on every day, so it avoids a sort with a comparator: the scores of frauds
 * and of the rest are sorted apart (typed-array sorts are native) and walked down together.
 */
export function averagePrecisionOnRows(y: readonly number[], scores: ArrayLike<number>, rows: readonly number[]): RowsMetric {
  let positives = 0;
  for (const i of rows) positives += y[i];
  if (positives === 0 || positives === rows.length) return { ap: NaN, positives };
  const fraud = new Float64Array(positives), other = new Float64Array(rows.length - positives);
  let f = 0, o = 0;
  for (const i of rows) {
    if (y[i] === 1) fraud[f++] = scores[i];
    else other[o++] = scores[i];
  }
  fraud.sort();
  other.sort();
  let ap = 0, truePositives = 0, flagged = 0;
  // Walk both from the top: each step lowers the threshold to the next distinct score.
  for (f = fraud.length - 1, o = other.length - 1; f >= 0; ) {
    const threshold = Math.max(fraud[f], o >= 0 ? other[o] : -Infinity);
    let gained = 0;
    for (; f >= 0 && fraud[f] === threshold; f--) gained++;
    for (; o >= 0 && other[o] === threshold; o--) flagged++;
    truePositives += gained;
    flagged += gained;
    // Recall rises by gained / positives at this threshold, where precision is truePositives / flagged.
    ap += (gained / positives) * (truePositives / flagged);
  }
  return { ap, positives };
}

/** Sanity checks a candidate must pass before anything else: its outputs are probabilities, and not all the same. */
export function candidateCheckFailures(scores: ArrayLike<number>): string[] {
  const failures: string[] = [];
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!(s >= 0 && s <= 1)) {
      failures.push(`score ${String(s)} is not a probability`);
      break;
    }
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  if (failures.length === 0 && max - min < 1e-9) failures.push('every score is the same');
  return failures;
}

/** Validation gate: the candidate must beat the serving model's AP on the holdout by `margin` (AP_new ≥ AP_old + margin). */
export function passesValidationGate(candidateAP: number, currentAP: number, margin: number): boolean {
  return candidateAP >= currentAP + margin;
}

/**
 * Guardrail of shadow, canary and the watch after a release: trips when the new model's AP falls more
 * than `guardrail` below the model it is compared with on the same requests, and only once those
 * requests hold `minPositives` frauds (on fewer, AP is mostly noise).
 */
export function guardrailTripped(candidate: RowsMetric, incumbent: RowsMetric, guardrail: number, minPositives: number): boolean {
  if (candidate.positives < minPositives || Number.isNaN(candidate.ap) || Number.isNaN(incumbent.ap)) return false;
  return candidate.ap < incumbent.ap - guardrail;
}

/** The monitored column with the largest PSI, if it exceeds the threshold (the drift alarm), else null. */
export function driftAlarm(psi: Record<string, number>, threshold: number): { feature: string; psi: number } | null {
  let worst: { feature: string; psi: number } | null = null;
  for (const [feature, value] of Object.entries(psi)) if (worst === null || value > worst.psi) worst = { feature, psi: value };
  return worst !== null && worst.psi > threshold ? worst : null;
}
