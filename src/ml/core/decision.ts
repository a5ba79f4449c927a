/**
 * scikit-learn's shape for decision_function: one value per row when there are two classes
 * (positive means classes[1]), else one column per class (or per pair, for SVC's 'ovo').
 */
export type Decision = number[] | number[][];

/** Scores with one column per output, in scikit-learn's decision_function shape. */
export function decisionShape(scores: number[][]): Decision {
  return scores.length > 0 && scores[0].length === 1 ? scores.map((row) => row[0]) : scores;
}
