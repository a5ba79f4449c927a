import { fail } from '../core/validate.ts';

/** Per-class sums of each feature and per-class sample counts: the sufficient statistics of discrete NB. */
export function classFeatureCounts(rows: number[][], codes: Int32Array, nClasses: number): { featureCount: number[][]; classCount: number[] } {
  const d = rows[0].length;
  const featureCount = Array.from({ length: nClasses }, () => new Array<number>(d).fill(0));
  const classCount = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < rows.length; i++) {
    classCount[codes[i]]++;
    for (let j = 0; j < d; j++) featureCount[codes[i]][j] += rows[i][j];
  }
  return { featureCount, classCount };
}

/** log P(c): from class frequencies, uniform, or the given priors (scikit-learn's rule). */
export function classLogPrior(classCount: number[], fitPrior: boolean, classPrior: number[] | null, where: string): number[] {
  const K = classCount.length;
  if (classPrior !== null) {
    if (classPrior.length !== K) fail(where, `classPrior has ${classPrior.length} values but y has ${K} classes`);
    return classPrior.map(Math.log);
  }
  if (!fitPrior) return new Array<number>(K).fill(-Math.log(K));
  const n = classCount.reduce((a, b) => a + b, 0);
  return classCount.map((c) => Math.log(c) - Math.log(n));
}

/** Checks the additive (Laplace/Lidstone) smoothing; like scikit-learn, alpha below 1e-10 is raised to 1e-10. */
export function checkAlpha(alpha: number, where: string): number {
  if (!(alpha >= 0)) fail(where, `alpha must be ≥ 0, got ${alpha}`);
  return Math.max(alpha, 1e-10);
}
