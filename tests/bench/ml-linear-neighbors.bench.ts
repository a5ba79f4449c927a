// Linear models and neighbours against scikit-learn on the same data (OMP_NUM_THREADS=1).
// The data is drawn here with rng and handed to Python through a temporary JSON file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KNeighborsClassifier, LogisticRegression, SVC, rng } from '../../src/ml/index.ts';
import { measure, report, runPython } from './harness.ts';

function gaussianRows(n: number, d: number, seed: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => r.normal()));
}

// Both sides get the same warm-up runs (JIT tier-up here, caches and imports there) before the
// measured runs, so the figures compare steady states.
const WARMUP = 3;
const REPEAT = 9;

/** Times `code` in Python: it reads X, y (and Q) from a JSON file and must define `run()`. */
function sklearnMs(dir: string, data: object, code: string): number | null {
  const file = join(dir, 'data.json');
  writeFileSync(file, JSON.stringify(data));
  const result = runPython(`
import json, time, numpy as np
d = json.load(open(${JSON.stringify(file)}))
X = np.array(d['X']); y = np.array(d['y']); Q = np.array(d.get('Q', [[0.0]]))
${code}
for _ in range(${WARMUP}): run()
times = []
for _ in range(${REPEAT}):
    t0 = time.perf_counter(); run(); times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({'ms': sorted(times)[len(times) // 2]}))
`);
  return result ? (result.ms as number) : null;
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-linear-neighbors-bench-'));
  try {
    // KNN: 10,000 train × 1,000 queries × 8 features, k = 5 (fit + predict).
    const X = gaussianRows(10_000, 8, 1);
    const y = X.map((row) => (row[0] + row[1] * row[2] > 0 ? 1 : 0));
    const Q = gaussianRows(1_000, 8, 2);
    const knn = await measure(() => new KNeighborsClassifier({ nNeighbors: 5 }).fit(X, y).predict(Q), REPEAT, WARMUP);
    const knnRef = sklearnMs(dir, { X, y, Q }, `
from sklearn.neighbors import KNeighborsClassifier
def run(): KNeighborsClassifier(n_neighbors=5).fit(X, y).predict(Q)`);
    report('KNeighborsClassifier 10k×8, 1k queries, k=5', knn, knnRef, '≤ 1.5×');

    // Logistic regression: 10,000 × 20, binary, l2, C = 1 (lbfgs).
    const r = rng(3);
    const w = Array.from({ length: 20 }, () => r.normal());
    const XL = gaussianRows(10_000, 20, 4);
    const yL = XL.map((row) => (row.reduce((s, v, j) => s + v * w[j], 0) + r.normal() > 0 ? 1 : 0));
    const lr = await measure(() => new LogisticRegression({ C: 1 }).fit(XL, yL), REPEAT, WARMUP);
    const lrRef = sklearnMs(dir, { X: XL, y: yL }, `
from sklearn.linear_model import LogisticRegression
def run(): LogisticRegression(C=1.0).fit(X, y)`);
    report('LogisticRegression 10k×20 binary l2 C=1', lr, lrRef, '≤ 2×');

    // SVC (no target; for the record): RBF kernel on 2,000 noisy points in a ring, fit + predict.
    const XS = gaussianRows(2_000, 2, 5);
    const noise = rng(6);
    const yS = XS.map(([a, b]) => (a * a + b * b + 0.3 * noise.normal() > 1.4 ? 1 : 0));
    const svc = await measure(() => new SVC({ kernel: 'rbf', C: 1 }).fit(XS, yS).predict(XS), REPEAT, WARMUP);
    const svcRef = sklearnMs(dir, { X: XS, y: yS }, `
from sklearn.svm import SVC
def run(): SVC(kernel='rbf', C=1.0).fit(X, y).predict(X)`);
    report('SVC rbf 2k×2 fit + predict', svc, svcRef);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
