/**
 * Stratified k-fold test folds exactly as scikit-learn's StratifiedKFold(shuffle=False): classes
 * (in order of first appearance) are dealt round-robin over the sorted labels to decide how many
 * rows of each class each fold gets, then each class's rows fill the folds in order.
 * Returns the test indices of each fold (ensemble keeps its own copy of this small split so it
 * does not depend on model-selection).
 */
export function stratifiedTestFolds(y: readonly number[], nSplits: number): number[][] {
  const firstSeen = new Map<number, number>();
  y.forEach((label) => {
    if (!firstSeen.has(label)) firstSeen.set(label, firstSeen.size);
  });
  const encoded = y.map((label) => firstSeen.get(label)!);
  const nClasses = firstSeen.size;
  const sorted = encoded.slice().sort((a, b) => a - b);
  // allocation[fold][class] = how many rows of the class fall in the fold.
  const allocation = Array.from({ length: nSplits }, (_, fold) => {
    const counts = new Array<number>(nClasses).fill(0);
    for (let i = fold; i < sorted.length; i += nSplits) counts[sorted[i]]++;
    return counts;
  });
  const testFold = new Array<number>(y.length);
  for (let c = 0; c < nClasses; c++) {
    const folds = allocation.flatMap((counts, fold) => new Array<number>(counts[c]).fill(fold));
    let next = 0;
    encoded.forEach((cls, i) => {
      if (cls === c) testFold[i] = folds[next++];
    });
  }
  return Array.from({ length: nSplits }, (_, fold) => testFold.flatMap((f, i) => (f === fold ? [i] : [])));
}
