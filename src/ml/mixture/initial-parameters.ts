import { describeValue } from '../core/describe-value.ts';
import { fail } from '../core/validate.ts';
import { cholesky } from '../gaussian-process/cholesky.ts';
import type { CovarianceType, Covariances } from './gaussian-parameters.ts';

interface InitialParameters {
  nComponents: number;
  covarianceType: CovarianceType;
  weightsInit: number[] | null;
  meansInit: number[][] | null;
  precisionsInit: Covariances | null;
}

/** Checks weightsInit, meansInit and precisionsInit against k components of d features, as scikit-learn does. */
export function checkInitialParameters(params: InitialParameters, d: number, where: string): void {
  const { nComponents: k, covarianceType: type, weightsInit, meansInit, precisionsInit } = params;
  if (weightsInit !== null) {
    if (!Array.isArray(weightsInit) || weightsInit.length !== k) fail(where, `weightsInit must have ${k} values (one per component), got ${describeValue(weightsInit)}`);
    weightsInit.forEach((w, j) => {
      if (!(w >= 0 && w <= 1)) fail(where, `weightsInit[${j}] is ${describeValue(w)}, expected a number in [0, 1]`);
    });
    const sum = weightsInit.reduce((s, w) => s + w, 0);
    if (Math.abs(1 - sum) > 1e-8) fail(where, `weightsInit must sum to 1, got ${sum}`);
  }
  if (meansInit !== null) {
    if (!Array.isArray(meansInit) || meansInit.length !== k) fail(where, `meansInit must have ${k} rows (one per component), got ${describeValue(meansInit)}`);
    meansInit.forEach((mean, j) => {
      if (!Array.isArray(mean) || mean.length !== d || !mean.every(Number.isFinite)) {
        fail(where, `meansInit[${j}] must be ${d} finite numbers, like the rows of X; got ${describeValue(mean)}`);
      }
    });
  }
  if (precisionsInit !== null) checkPrecisions(precisionsInit, type, k, d, where);
}

function checkPrecisions(precisions: Covariances, type: CovarianceType, k: number, d: number, where: string): void {
  const shape = { full: `${k} matrices of ${d}×${d}`, diag: `${k} rows of ${d} values`, spherical: `${k} values` }[type];
  if (!Array.isArray(precisions) || precisions.length !== k) fail(where, `precisionsInit for covarianceType '${type}' must be ${shape}, got ${describeValue(precisions)}`);
  (precisions as unknown[]).forEach((p, j) => {
    if (type === 'spherical') {
      if (typeof p !== 'number' || !(p > 0) || !Number.isFinite(p)) fail(where, `precisionsInit[${j}] must be a positive number, got ${describeValue(p)}`);
    } else if (type === 'diag') {
      if (!Array.isArray(p) || p.length !== d || !p.every((v) => typeof v === 'number' && v > 0 && Number.isFinite(v))) {
        fail(where, `precisionsInit[${j}] must be ${d} positive numbers, got ${describeValue(p)}`);
      }
    } else {
      const m = p as number[][];
      if (!Array.isArray(m) || m.length !== d || !m.every((row) => Array.isArray(row) && row.length === d && row.every(Number.isFinite))) {
        fail(where, `precisionsInit[${j}] must be a ${d}×${d} matrix, got ${describeValue(p)}`);
      }
      const symmetric = m.every((row, a) => row.every((v, b) => Math.abs(v - m[b][a]) <= 1e-10 * Math.max(1, Math.abs(v))));
      if (!symmetric || cholesky(m) === null) fail(where, `precisionsInit[${j}] must be symmetric and positive definite`);
    }
  });
}
