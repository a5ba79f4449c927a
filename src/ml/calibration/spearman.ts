/**
 * Spearman's rank correlation ρ: the Pearson correlation of the ranks (ties share their average
 * rank), as scipy's `spearmanr`. NaN when x or y is constant, as there.
 */
export function spearmanRho(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/** 1-based ranks; a run of equal values all get the mean of the ranks they span. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let stop = start + 1;
    while (stop < order.length && values[order[stop]] === values[order[start]]) stop++;
    const rank = (start + 1 + stop) / 2; // mean of ranks start+1 … stop
    for (let k = start; k < stop; k++) ranks[order[k]] = rank;
    start = stop;
  }
  return ranks;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const meanA = a.reduce((s, v) => s + v, 0) / n;
  const meanB = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - meanA) * (b[i] - meanB);
    saa += (a[i] - meanA) ** 2;
    sbb += (b[i] - meanB) ** 2;
  }
  return sab / Math.sqrt(saa * sbb); // 0/0 = NaN for a constant input
}
