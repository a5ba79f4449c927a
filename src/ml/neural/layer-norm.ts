import { fail } from '../core/validate.ts';
/**
 * Layer normalisation of each row (one token's features): y = γ·(x − μ)/√(σ² + ε) + β, with μ and
 * σ² the row's own mean and (biased) variance. Unlike batch norm it needs no batch statistics.
 */
export function layerNorm(
  X: readonly (readonly number[])[],
  options: { gamma?: readonly number[]; beta?: readonly number[]; epsilon?: number } = {},
): number[][] {
  const d = X[0]?.length ?? 0;
  const { gamma, beta, epsilon = 1e-5 } = options;
  if (d === 0) fail('layerNorm', 'X must have at least one row with at least one feature');
  if (gamma && gamma.length !== d) fail('layerNorm', `gamma has ${gamma.length} values, expected ${d} (one per feature)`);
  if (beta && beta.length !== d) fail('layerNorm', `beta has ${beta.length} values, expected ${d} (one per feature)`);
  return X.map((row, r) => {
    if (row.length !== d) fail('layerNorm', `row ${r} has ${row.length} values, expected ${d}`);
    let mean = 0;
    for (const v of row) mean += v / d;
    let variance = 0;
    for (const v of row) variance += (v - mean) ** 2 / d;
    const inv = 1 / Math.sqrt(variance + epsilon);
    return row.map((v, j) => (gamma ? gamma[j] : 1) * (v - mean) * inv + (beta ? beta[j] : 0));
  });
}
