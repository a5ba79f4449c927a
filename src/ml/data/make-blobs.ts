import { checkPositiveInt, fail } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { checkSamples, shuffleRows, type Dataset } from './dataset.ts';

export interface MakeBlobsOptions {
  nSamples: number;
  nFeatures: number;
  /** How many centres (drawn uniformly in centerBox), or the centres themselves. */
  centers: number | number[][];
  /** Standard deviation of every blob, or one per centre. */
  clusterStd: number | number[];
  centerBox: [number, number];
  shuffle: boolean;
  seed: number;
}

const DEFAULTS: MakeBlobsOptions = { nSamples: 100, nFeatures: 2, centers: 3, clusterStd: 1, centerBox: [-10, 10], shuffle: true, seed: 0 };

/**
 * Isotropic Gaussian blobs for clustering: sample i of blob k is c_k + σ_k·z with z ~ N(0, I).
 * Blob sizes differ by at most one (the first n mod K blobs get the extra sample), as in scikit-learn.
 */
export function makeBlobs(options: Partial<MakeBlobsOptions> = {}): Dataset & { centers: number[][] } {
  const where = 'makeBlobs';
  const o = { ...DEFAULTS, ...options };
  checkSamples(o.nSamples, where);
  const random = toRandom(o.seed);
  let centers: number[][];
  if (typeof o.centers === 'number') {
    checkPositiveInt(o.centers, where, 'centers');
    checkPositiveInt(o.nFeatures, where, 'nFeatures');
    const [low, high] = o.centerBox;
    centers = Array.from({ length: o.centers }, () => Array.from({ length: o.nFeatures }, () => random.uniform(low, high)));
  } else {
    if (!Array.isArray(o.centers) || o.centers.length === 0) fail(where, 'centers must be a count or a non-empty array of points');
    centers = o.centers.map((c) => c.slice());
  }
  const k = centers.length;
  const stds = typeof o.clusterStd === 'number' ? new Array<number>(k).fill(o.clusterStd) : o.clusterStd;
  if (stds.length !== k) fail(where, `clusterStd has ${stds.length} values but there are ${k} centres`);
  const X: number[][] = [];
  const y: number[] = [];
  centers.forEach((c, label) => {
    const size = Math.floor(o.nSamples / k) + (label < o.nSamples % k ? 1 : 0);
    for (let i = 0; i < size; i++) {
      X.push(c.map((v) => random.normal(v, stds[label])));
      y.push(label);
    }
  });
  const data = { X, y, centers };
  return o.shuffle ? shuffleRows(data, random) : data;
}
