/** log Σ exp(v_k), computed as m + log Σ exp(v_k − m) with m = max v so no exp overflows. */
export function logSumExp(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let k = 0; k < values.length; k++) if (values[k] > m) m = values[k];
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let k = 0; k < values.length; k++) s += Math.exp(values[k] - m);
  return m + Math.log(s);
}

/** Each row's log-probabilities from unnormalised log-scores: row − logSumExp(row). */
export function logNormalizeRows(scores: number[][]): number[][] {
  return scores.map((row) => {
    const z = logSumExp(row);
    return row.map((v) => v - z);
  });
}

/** The logistic function σ(z) = 1 / (1 + e^(−z)), written to avoid overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow: z + log(1 + e^(−z)) for large z. */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
