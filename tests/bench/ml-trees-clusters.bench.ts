// Trees, clustering, decomposition against scikit-learn on the same numbers (OMP_NUM_THREADS=1).
// Data is generated here with rng and handed to Python through a temporary JSON file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KMeans } from '../../src/ml/cluster/index.ts';
import { denseFromRows } from '../../src/ml/core/dense.ts';
import { rng } from '../../src/ml/core/random.ts';
import { PCA } from '../../src/ml/decomposition/index.ts';
import { DecisionTreeClassifier } from '../../src/ml/tree/index.ts';
import { measure, report, runPython, type Timing } from './harness.ts';

/** On a shared, busy machine the fastest run of each side is the steadiest comparison. */
function reportMinRatio(ours: Timing, sk: { minMs: number } | null): void {
  if (sk) console.log(`  fastest runs: ours ${ours.minMs.toFixed(2)} ms, sklearn ${sk.minMs.toFixed(2)} ms, ratio ${(ours.minMs / sk.minMs).toFixed(2)}×`);
}

/** n rows around k Gaussian centres drawn uniformly in [−spread, spread]^d (unit noise). */
function blobs(n: number, d: number, k: number, spread: number, seed: number): number[][] {
  const r = rng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => r.uniform(-spread, spread)));
  return Array.from({ length: n }, (_, i) => centres[i % k].map((c) => c + r.normal()));
}

// Both sides get the same warm-up runs (JIT tier-up here, caches there) and the same number of
// measured runs: with one warm-up, our medians moved by ±20 % from one run of the bench to the next.
const WARMUP = 3;
const REPEAT = 11;

/** Median time of `statement` over REPEAT runs after WARMUP warm-ups, in ms, as Python sees it. */
function sklearnMs(dir: string, setup: string, statement: string): { ms: number; minMs: number; info: Record<string, unknown> } | null {
  const out = runPython(`
import json, time, numpy as np
${setup}
for _ in range(${WARMUP}): ${statement}
times = []
for _ in range(${REPEAT}):
    t0 = time.perf_counter()
    result = ${statement}
    times.append((time.perf_counter() - t0) * 1000)
info = {}
if hasattr(result, 'n_iter_'): info['nIter'] = int(result.n_iter_)
if hasattr(result, 'inertia_'): info['inertia'] = float(result.inertia_)
print(json.dumps({'ms': sorted(times)[len(times) // 2], 'minMs': min(times), 'info': info}))
`.replace('DIR', dir));
  return out ? { ms: out.ms as number, minMs: out.minMs as number, info: out.info as Record<string, unknown> } : null;
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-trees-clusters-bench-'));
  try {
    for (const [label, spread] of [['separated blobs, spread 4', 4], ['overlapping blobs, spread 1', 1]] as const) {
      const X = blobs(100_000, 16, 8, spread, 1);
      const init = X.slice(0, 8);
      writeFileSync(join(dir, 'kmeans.json'), JSON.stringify({ X, init }));
      let model = new KMeans();
      const ours = await measure(() => (model = new KMeans({ nClusters: 8, init, maxIter: 20, tol: 0 }).fit(X)), REPEAT, WARMUP);
      const sk = sklearnMs(dir, `from sklearn.cluster import KMeans
data = json.load(open('DIR/kmeans.json')); X = np.array(data['X']); init = np.array(data['init'])`,
      "KMeans(8, init=init, n_init=1, max_iter=20, tol=0, algorithm='lloyd').fit(X)");
      report(`KMeans 100k×16 k=8 maxIter=20 tol=0 (${label}; ours nIter ${model.nIter}, sklearn nIter ${sk?.info.nIter})`, ours, sk?.ms, '≤ 1.0×');
      reportMinRatio(ours, sk);
      // The same fit from a Dense matrix: scikit-learn's time starts from an ndarray too.
      const dense = denseFromRows(X);
      const oursDense = await measure(() => new KMeans({ nClusters: 8, init, maxIter: 20, tol: 0 }).fit(dense), REPEAT, WARMUP);
      report(`  … same, X given as a Dense (Float64Array) matrix`, oursDense, sk?.ms, '≤ 1.0×');
      reportMinRatio(oursDense, sk);
      if (sk && Math.abs((sk.info.inertia as number) - model.inertia!) > 1e-9 * model.inertia!) console.log(`  inertia differs: ours ${model.inertia}, sklearn ${sk.info.inertia}`);
    }

    const r = rng(2);
    const mixing = Array.from({ length: 50 }, () => Array.from({ length: 50 }, () => r.normal()));
    const Z = Array.from({ length: 10_000 }, () => Array.from({ length: 50 }, () => r.normal()));
    const P = Z.map((z) => mixing.map((row) => row.reduce((s, m, j) => s + m * z[j], 0)));
    writeFileSync(join(dir, 'pca.json'), JSON.stringify(P));
    const pcaOurs = await measure(() => new PCA().fit(P), REPEAT, WARMUP);
    const pcaSk = sklearnMs(dir, "from sklearn.decomposition import PCA\nX = np.array(json.load(open('DIR/pca.json')))", 'PCA().fit(X)');
    report('PCA 10k×50 (all components)', pcaOurs, pcaSk?.ms, '≤ 1.0×');
    reportMinRatio(pcaOurs, pcaSk);
    const pDense = denseFromRows(P);
    const pcaDense = await measure(() => new PCA().fit(pDense), REPEAT, WARMUP);
    report('  … same, X given as a Dense (Float64Array) matrix', pcaDense, pcaSk?.ms, '≤ 1.0×');
    reportMinRatio(pcaDense, pcaSk);

    const T = Array.from({ length: 10_000 }, () => Array.from({ length: 10 }, () => r.normal()));
    const y = T.map((x) => (x[0] + x[1] * x[2] + 0.5 * r.normal() > 0 ? 1 : 0));
    writeFileSync(join(dir, 'tree.json'), JSON.stringify({ X: T, y }));
    const treeOurs = await measure(() => new DecisionTreeClassifier({ maxDepth: 8 }).fit(T, y), REPEAT, WARMUP);
    const treeSk = sklearnMs(dir, `from sklearn.tree import DecisionTreeClassifier
data = json.load(open('DIR/tree.json')); X = np.array(data['X']); y = np.array(data['y'])`,
    'DecisionTreeClassifier(max_depth=8).fit(X, y)');
    report('DecisionTreeClassifier depth 8, 10k×10', treeOurs, treeSk?.ms, '≤ 2×');
    reportMinRatio(treeOurs, treeSk);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
