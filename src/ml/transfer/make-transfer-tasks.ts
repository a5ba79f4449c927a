import { checkPositiveInt, fail } from '../core/validate.ts';
import { rng, type Random } from '../core/random.ts';
import type { Dataset } from '../data/dataset.ts';

export interface TransferTasksOptions {
  /** Classes of the source task, the one with plenty of data to pre-train on. */
  sourceClasses: number;
  /** Labelled examples per source class. */
  sourcePerClass: number;
  /** Classes of the target task: new classes, made of the same hidden features. */
  targetClasses: number;
  /** Examples per target class in the pool a few-shot support set is drawn from. */
  targetPoolPerClass: number;
  /** Examples per target class kept aside to measure accuracy. */
  targetTestPerClass: number;
  /** Width of each observed example x. */
  nFeatures: number;
  /** Spread of a class around its centre in the hidden 2-D plane. */
  classStd: number;
  /** Standard deviation of the nuisance directions, which carry no class information. */
  nuisanceStd: number;
  seed: number;
}

/** A source task and a related target task that share how examples are made. */
export interface TransferTasks {
  source: Dataset;
  /** Labelled target examples a support set is drawn from. */
  targetPool: Dataset;
  targetTest: Dataset;
  /** Class centres in the hidden plane: source classes, then target classes. */
  sourceCenters: number[][];
  targetCenters: number[][];
  /** The hidden 2-D point each example was made from (rows match X), for pictures and checks. */
  latent: { source: number[][]; targetPool: number[][]; targetTest: number[][] };
}

const DEFAULTS: TransferTasksOptions = {
  sourceClasses: 8, sourcePerClass: 120, targetClasses: 4, targetPoolPerClass: 40, targetTestPerClass: 100,
  nFeatures: 16, classStd: 0.45, nuisanceStd: 1.5, seed: 0,
};

/** Number of smooth features the hidden plane is mapped to before mixing. */
const SIGNAL_FEATURES = 6;

/**
 * Two classification tasks that share their features. Every example starts as a point z in a
 * hidden plane (its class centre plus Gaussian spread). A fixed random map makes it observable:
 * s = tanh(Gz + c) gives six smooth features of z, and x = Q·[s; n] rotates them together with
 * nuisance noise n (large, and the same for every class) into nFeatures dimensions. Source classes
 * sit on a ring of radius 3, target classes on the ring of radius 1.6 at other angles: new
 * classes, but told apart by the same features of z. A network that learnt to undo the map on the
 * source task has learnt what the target task needs; one that sees only a few target examples
 * must find, among nFeatures noisy directions, the few that matter.
 */
export function makeTransferTasks(options: Partial<TransferTasksOptions> = {}): TransferTasks {
  const where = 'makeTransferTasks';
  const o = { ...DEFAULTS, ...options };
  for (const key of ['sourceClasses', 'sourcePerClass', 'targetClasses', 'targetPoolPerClass', 'targetTestPerClass'] as const) {
    checkPositiveInt(o[key], where, key);
  }
  checkPositiveInt(o.nFeatures, where, 'nFeatures', SIGNAL_FEATURES + 1);
  if (!(o.classStd > 0)) fail(where, `classStd must be > 0, got ${o.classStd}`);
  if (!(o.nuisanceStd >= 0)) fail(where, `nuisanceStd must be ≥ 0, got ${o.nuisanceStd}`);

  // The map from the hidden plane to x, shared by both tasks: its own seed.
  const mapRandom = rng(o.seed);
  const G = Array.from({ length: SIGNAL_FEATURES }, () => [mapRandom.normal(0, 0.6), mapRandom.normal(0, 0.6)]);
  const c = Array.from({ length: SIGNAL_FEATURES }, () => mapRandom.normal(0, 0.5));
  const Q = randomRotation(o.nFeatures, mapRandom);

  const ring = (count: number, radius: number, offset: number) =>
    Array.from({ length: count }, (_, k) => {
      const angle = offset + (2 * Math.PI * k) / count;
      return [radius * Math.cos(angle), radius * Math.sin(angle)];
    });
  const sourceCenters = ring(o.sourceClasses, 3, 0);
  const targetCenters = ring(o.targetClasses, 1.6, Math.PI / o.targetClasses / 2);

  /** perClass examples of each centre, drawn from `seed`'s random numbers. */
  const draw = (centers: number[][], perClass: number, seed: number) => {
    const random = rng(seed);
    const X: number[][] = [], y: number[] = [], latent: number[][] = [];
    centers.forEach((centre, label) => {
      for (let i = 0; i < perClass; i++) {
        const z = centre.map((v) => random.normal(v, o.classStd));
        // s = tanh(Gz + c): the features of z every class is told apart by
        const s = G.map(([g1, g2], j) => 2 * Math.tanh(g1 * z[0] + g2 * z[1] + c[j]));
        const n = Array.from({ length: o.nFeatures - SIGNAL_FEATURES }, () => random.normal(0, o.nuisanceStd));
        const v = [...s, ...n];
        // x = Q·[s; n]: every observed feature mixes signal and nuisance
        X.push(Q.map((row) => row.reduce((sum, q, j) => sum + q * v[j], 0)));
        y.push(label);
        latent.push(z);
      }
    });
    return { data: { X, y }, latent };
  };
  const source = draw(sourceCenters, o.sourcePerClass, o.seed + 1);
  const targetPool = draw(targetCenters, o.targetPoolPerClass, o.seed + 2);
  const targetTest = draw(targetCenters, o.targetTestPerClass, o.seed + 3);
  return {
    source: source.data, targetPool: targetPool.data, targetTest: targetTest.data, sourceCenters, targetCenters,
    latent: { source: source.latent, targetPool: targetPool.latent, targetTest: targetTest.latent },
  };
}

/** A random d × d rotation: Gram–Schmidt on Gaussian columns. */
function randomRotation(d: number, random: Random): number[][] {
  const columns: number[][] = [];
  while (columns.length < d) {
    const v = Array.from({ length: d }, () => random.normal());
    for (const u of columns) {
      const dot = u.reduce((s, ui, i) => s + ui * v[i], 0);
      u.forEach((ui, i) => { v[i] -= dot * ui; });
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-8) columns.push(v.map((vi) => vi / norm));
  }
  // Rows of the matrix: Q[i][j] = column j, entry i.
  return Array.from({ length: d }, (_, i) => columns.map((col) => col[i]));
}
