import { checkPositiveInt, fail } from '../core/validate.ts';
import { toRandom, type Random } from '../core/random.ts';
import { checkSamples, type Dataset } from './dataset.ts';

export interface MakeClassificationOptions {
  nSamples: number;
  nFeatures: number;
  /** Features that carry the class signal. */
  nInformative: number;
  /** Random linear combinations of the informative features. */
  nRedundant: number;
  /** Copies of informative or redundant features. */
  nRepeated: number;
  nClasses: number;
  nClustersPerClass: number;
  /** Share of samples in each class (e.g. [0.9, 0.1] for an imbalanced problem); default equal. */
  weights?: number[];
  /** Fraction of labels replaced by random ones (label noise). */
  flipY: number;
  /** Half the side of the hypercube whose vertices are the cluster centres: larger is easier. */
  classSep: number;
  shuffle: boolean;
  seed: number;
}

const DEFAULTS: MakeClassificationOptions = {
  nSamples: 100, nFeatures: 20, nInformative: 2, nRedundant: 2, nRepeated: 0, nClasses: 2, nClustersPerClass: 2,
  flipY: 0.01, classSep: 1, shuffle: true, seed: 0,
};

/**
 * scikit-learn's make_classification: Gaussian clusters (randomly correlated) centred on vertices of a
 * hypercube in the informative subspace, then redundant (linear combinations), repeated and pure-noise
 * features. Without shuffle the columns come in that order: informative, redundant, repeated, noise.
 */
export function makeClassification(options: Partial<MakeClassificationOptions> = {}): Dataset {
  const where = 'makeClassification';
  const o = { ...DEFAULTS, ...options };
  checkSamples(o.nSamples, where);
  for (const key of ['nFeatures', 'nInformative', 'nClasses', 'nClustersPerClass'] as const) checkPositiveInt(o[key], where, key);
  for (const key of ['nRedundant', 'nRepeated'] as const) checkPositiveInt(o[key], where, key, 0);
  if (o.nInformative + o.nRedundant + o.nRepeated > o.nFeatures) {
    fail(where, `nInformative + nRedundant + nRepeated = ${o.nInformative + o.nRedundant + o.nRepeated} exceeds nFeatures = ${o.nFeatures}`);
  }
  const nClusters = o.nClasses * o.nClustersPerClass;
  if (nClusters > 2 ** o.nInformative) {
    fail(where, `nClasses × nClustersPerClass = ${nClusters} needs at most 2^nInformative = ${2 ** o.nInformative} hypercube vertices; raise nInformative`);
  }
  const weights = classWeights(o.weights, o.nClasses, where);
  const random = toRandom(o.seed);

  // Samples per cluster: class share split evenly over its clusters, the remainder to the first clusters.
  const perCluster = Array.from({ length: nClusters }, (_, k) => Math.floor((o.nSamples * weights[k % o.nClasses]) / o.nClustersPerClass));
  for (let i = 0, rest = o.nSamples - perCluster.reduce((a, b) => a + b, 0); i < rest; i++) perCluster[i % nClusters]++;

  const centroids = hypercubeVertices(nClusters, o.nInformative, random).map((v) => v.map((b) => (2 * b - 1) * o.classSep));
  const X: number[][] = [];
  const y: number[] = [];
  centroids.forEach((centroid, k) => {
    // A random linear map A (entries U[−1, 1)) gives the cluster its own covariance AᵀA.
    const A = Array.from({ length: o.nInformative }, () => Array.from({ length: o.nInformative }, () => random.uniform(-1, 1)));
    for (let s = 0; s < perCluster[k]; s++) {
      const z = Array.from({ length: o.nInformative }, () => random.normal());
      X.push(centroid.map((c, j) => c + z.reduce((a, zi, i) => a + zi * A[i][j], 0)));
      y.push(k % o.nClasses);
    }
  });
  // Redundant features: informative · B with B entries U[−1, 1).
  const B = Array.from({ length: o.nInformative }, () => Array.from({ length: o.nRedundant }, () => random.uniform(-1, 1)));
  for (const row of X) {
    const informative = row.slice();
    for (let r = 0; r < o.nRedundant; r++) row.push(informative.reduce((a, v, i) => a + v * B[i][r], 0));
  }
  const sourceCount = o.nInformative + o.nRedundant;
  const repeatedFrom = Array.from({ length: o.nRepeated }, () => random.int(sourceCount));
  const nNoise = o.nFeatures - sourceCount - o.nRepeated;
  for (const row of X) {
    for (const j of repeatedFrom) row.push(row[j]);
    for (let j = 0; j < nNoise; j++) row.push(random.normal());
  }
  for (let i = 0; i < y.length; i++) if (random.next() < o.flipY) y[i] = random.int(o.nClasses);

  if (!o.shuffle) return { X, y };
  const rowOrder = random.permutation(X.length);
  const colOrder = random.permutation(o.nFeatures);
  return { X: rowOrder.map((i) => colOrder.map((j) => X[i][j])), y: rowOrder.map((i) => y[i]) };
}

function classWeights(weights: number[] | undefined, nClasses: number, where: string): number[] {
  if (weights === undefined) return new Array<number>(nClasses).fill(1 / nClasses);
  if (weights.length === nClasses - 1) {
    // As scikit-learn: the last class takes what the others leave.
    const rest = 1 - weights.reduce((a, b) => a + b, 0);
    return [...weights, rest];
  }
  if (weights.length !== nClasses) fail(where, `weights has ${weights.length} values but nClasses is ${nClasses}`);
  if (weights.some((w) => !(w >= 0))) fail(where, 'weights must be non-negative');
  return weights;
}

/** `count` distinct random vertices of the {0, 1}^d hypercube. */
function hypercubeVertices(count: number, d: number, random: Random): number[][] {
  const seen = new Set<string>();
  const out: number[][] = [];
  while (out.length < count) {
    const v = Array.from({ length: d }, () => random.int(2));
    const key = v.join('');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}
