import { fail, toRows, type MatrixLike } from '../core/validate.ts';
import { chi2Survival } from './special-functions.ts';

export interface ChiSquaredResult {
  statistic: number;
  pValue: number;
  dof: number;
  /** Expected counts under independence: row total × column total / grand total. */
  expected: number[][];
}

/**
 * χ² test of independence on a contingency table (scipy.stats.chi2_contingency): χ² = Σ (O − E)²/E
 * with (r−1)(c−1) degrees of freedom; Yates' continuity correction only when dof = 1 (correction true).
 */
export function chiSquaredTest(table: MatrixLike, options: { correction?: boolean } = {}): ChiSquaredResult {
  const where = 'chiSquaredTest';
  const O = toRows(table, where, { name: 'table' });
  O.forEach((row, i) => row.forEach((v, j) => {
    if (v < 0) fail(where, `table[${i}][${j}] = ${v} is negative; a contingency table holds counts`);
  }));
  const rowTotals = O.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = O[0].map((_, j) => O.reduce((a, row) => a + row[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const E = O.map((_, i) => colTotals.map((c) => (rowTotals[i] * c) / total));
  E.forEach((row, i) => row.forEach((v, j) => {
    if (v === 0) fail(where, `the expected count at [${i}][${j}] is 0 (an all-zero row or column); remove it`);
  }));
  // dof counts only dimensions with more than one level, as scipy does.
  const dof = (O.length - 1) * (O[0].length - 1);
  if (dof === 0) return { statistic: 0, pValue: 1, dof, expected: E };
  let statistic = 0;
  for (let i = 0; i < O.length; i++) {
    for (let j = 0; j < O[0].length; j++) {
      let o = O[i][j];
      if (dof === 1 && (options.correction ?? true)) {
        // Yates: move each observed count half a unit towards its expectation (never past it).
        const diff = E[i][j] - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += (o - E[i][j]) ** 2 / E[i][j];
    }
  }
  return { statistic, pValue: chi2Survival(statistic, dof), dof, expected: E };
}
