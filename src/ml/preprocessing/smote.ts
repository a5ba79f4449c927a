import { checkPositiveInt, fail, type MatrixLike, type VectorLike } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { groupByClass, targetCounts, type Resampled, type SamplingStrategy } from './sampling-strategy.ts';

export interface SMOTEParams {
  /** How many same-class neighbours each synthetic point may be drawn towards. */
  kNeighbors: number;
  samplingStrategy: SamplingStrategy;
  seed: number;
}

/** Where one synthetic point came from: X[from] + gap · (X[to] − X[from]). */
export interface SMOTEPair {
  /** Row of the input X the point starts from. */
  from: number;
  /** Row of the input X of the neighbour it moves towards (same class, among from's kNeighbors nearest). */
  to: number;
  /** How far along the segment, in [0, 1). */
  gap: number;
}

/**
 * Synthetic Minority Over-sampling: each new point is x + u·(x_nn − x), u ~ U[0, 1), on the segment
 * between a random minority point x and one of its kNeighbors nearest minority neighbours x_nn.
 * After fitResample, `syntheticPairs[s]` says which two input rows made synthetic row s (row
 * n + s of the result), so the segments can be drawn.
 */
export class SMOTE {
  readonly params: Readonly<SMOTEParams>;
  /** One per synthetic row, in the order they follow the original rows. */
  syntheticPairs?: SMOTEPair[];

  constructor(params: Partial<SMOTEParams> = {}) {
    this.params = { kNeighbors: 5, samplingStrategy: 'auto', seed: 0, ...params };
  }

  /** The original rows followed by the synthetic ones. */
  fitResample(X: MatrixLike, y: VectorLike): Resampled {
    const where = 'SMOTE.fitResample';
    const k = this.params.kNeighbors;
    checkPositiveInt(k, where, 'kNeighbors');
    const { rows, labels, classes, members } = groupByClass(X, y, where);
    const targets = targetCounts(members.map((m) => m.length), this.params.samplingStrategy, 'over', where);
    const random = toRandom(this.params.seed);
    const outX = rows.map((r) => r.slice());
    const outY = labels.slice();
    const pairs: SMOTEPair[] = [];
    classes.forEach((c, ci) => {
      const needed = targets[ci] - members[ci].length;
      if (needed <= 0) return;
      const points = members[ci].map((i) => rows[i]);
      if (points.length <= k) {
        fail(where, `class ${c} has ${points.length} samples but kNeighbors is ${k}; it needs more than kNeighbors samples (lower kNeighbors)`);
      }
      const neighbours = nearestNeighbours(points, k);
      for (let s = 0; s < needed; s++) {
        const i = random.int(points.length);
        const n = neighbours[i][random.int(k)];
        const u = random.next();
        const nn = points[n];
        outX.push(points[i].map((v, j) => v + u * (nn[j] - v)));
        outY.push(c);
        pairs.push({ from: members[ci][i], to: members[ci][n], gap: u });
      }
    });
    this.syntheticPairs = pairs;
    return { X: outX, y: outY };
  }
}

/** For each point, the indices of its k nearest other points (brute force, squared Euclidean). */
function nearestNeighbours(points: number[][], k: number): number[][] {
  return points.map((p, i) => {
    const order = points
      .map((q, j) => ({ j, d: j === i ? Infinity : q.reduce((s, v, t) => s + (v - p[t]) ** 2, 0) }))
      .sort((a, b) => a.d - b.d || a.j - b.j);
    return order.slice(0, k).map((o) => o.j);
  });
}
