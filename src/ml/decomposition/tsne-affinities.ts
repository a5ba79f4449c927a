import { denseFromRows, type Dense } from '../core/dense.ts';
import { checkRange, fail, toRows, type MatrixLike } from '../core/validate.ts';

/** numpy's float64 machine epsilon: the floor scikit-learn puts under P and Q. */
export const MACHINE_EPSILON = 2.220446049250313e-16;

/**
 * The joint probabilities p_ij of t-SNE (van der Maaten & Hinton 2008), as a full symmetric
 * n × n matrix whose entries above the diagonal sum to ½ (scikit-learn's convention).
 * For each row a Gaussian width is found by bisection so that the conditional distribution
 * p_{j|i} ∝ exp(−β_i ‖x_i − x_j‖²) has entropy log(perplexity); then p_ij = (p_{j|i} + p_{i|j}) / Σ.
 */
export function jointProbabilities(x: Dense, perplexity: number): Float64Array {
  const n = x.rows;
  const sq = squaredDistances(x);
  const conditional = new Float64Array(n * n);
  const desiredEntropy = Math.log(perplexity);
  for (let i = 0; i < n; i++) {
    let beta = 1, betaMin = -Infinity, betaMax = Infinity;
    for (let step = 0; step < 100; step++) {
      let sumP = 0;
      for (let j = 0; j < n; j++) {
        const p = j === i ? 0 : Math.exp(-sq[i * n + j] * beta);
        conditional[i * n + j] = p;
        sumP += p;
      }
      if (sumP === 0) sumP = 1e-8;
      let sumDistP = 0;
      for (let j = 0; j < n; j++) {
        conditional[i * n + j] /= sumP;
        sumDistP += sq[i * n + j] * conditional[i * n + j];
      }
      // H(P_i) = log Σ_j exp(−β d_ij) + β Σ_j d_ij p_{j|i}
      const diff = Math.log(sumP) + beta * sumDistP - desiredEntropy;
      if (Math.abs(diff) <= 1e-5) break;
      if (diff > 0) {
        betaMin = beta;
        beta = betaMax === Infinity ? beta * 2 : (beta + betaMax) / 2;
      } else {
        betaMax = beta;
        beta = betaMin === -Infinity ? beta / 2 : (beta + betaMin) / 2;
      }
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) total += conditional[i * n + j] + conditional[j * n + i];
  // Σ over ordered pairs is 2 Σ over unordered pairs; divide so the unordered pairs sum to ½.
  const joint = new Float64Array(n * n);
  const norm = Math.max(total, MACHINE_EPSILON);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j) joint[i * n + j] = Math.max((conditional[i * n + j] + conditional[j * n + i]) / norm, MACHINE_EPSILON);
    }
  }
  return joint;
}

/** All pairwise squared Euclidean distances as a full n × n matrix. */
export function squaredDistances(x: Dense): Float64Array {
  const { rows: n, cols: d, data } = x;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = data[i * d + f] - data[j * d + f];
        s += t * t;
      }
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/**
 * t-SNE's joint probabilities P of the rows of X as nested arrays (n × n, zero diagonal): what
 * TSNE.fit matches in the embedding, for showing and checking them outside the fit.
 */
export function tsneJointProbabilities(X: MatrixLike, perplexity: number): number[][] {
  const x = denseFromRows(toRows(X, 'tsneJointProbabilities'));
  checkRange(perplexity, 'tsneJointProbabilities', 'perplexity', Number.MIN_VALUE, Infinity);
  if (perplexity >= x.rows) fail('tsneJointProbabilities', `perplexity (${perplexity}) must be less than the number of rows (${x.rows})`);
  const joint = jointProbabilities(x, perplexity);
  const n = x.rows;
  return Array.from({ length: n }, (_, i) => Array.from(joint.subarray(i * n, (i + 1) * n), (p, j) => (i === j ? 0 : p)));
}
