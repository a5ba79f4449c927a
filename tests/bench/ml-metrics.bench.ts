// Metrics and preprocessing against scikit-learn on the same data (OMP_NUM_THREADS=1).
// The data is drawn here with rng and handed to Python through a temporary JSON file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StandardScaler, rng, rocAucScore, silhouetteScore, StratifiedKFold, crossValScore } from '../../src/ml/index.ts';
import { measure, report, runPython } from './harness.ts';

const WARMUP = 3;
const REPEAT = 9;

/** Times `code` in Python: it reads X, y, s from a JSON file and must define `run()`. */
function sklearnMs(dir: string, data: object, code: string): number | null {
  const file = join(dir, 'data.json');
  writeFileSync(file, JSON.stringify(data));
  const result = runPython(`
import json, time, numpy as np
d = json.load(open(${JSON.stringify(file)}))
X = np.array(d.get('X', [[0.0]])); y = np.array(d['y']); s = np.array(d.get('s', [0.0]))
${code}
for _ in range(${WARMUP}): run()
times = []
for _ in range(${REPEAT}):
    t0 = time.perf_counter(); run(); times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({'ms': sorted(times)[len(times) // 2]}))
`);
  return result ? (result.ms as number) : null;
}

/** A nearest-centroid classifier: the cheapest model, so cross-validation overhead shows. */
class NearestCentroid {
  readonly params = {};
  centroids: number[][] = [];
  fit(X: number[][], y: number[]): this {
    this.centroids = [0, 1].map((c) => {
      const rows = X.filter((_, i) => y[i] === c);
      return rows[0].map((_, j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
    });
    return this;
  }
  predict(X: number[][]): number[] {
    return X.map((r) => {
      const d = this.centroids.map((c) => c.reduce((a, v, j) => a + (v - r[j]) ** 2, 0));
      return d[0] <= d[1] ? 0 : 1;
    });
  }
  score(X: number[][], y: number[]): number {
    return this.predict(X).filter((p, i) => p === y[i]).length / y.length;
  }
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-metrics-bench-'));
  try {
    const r = rng(1);
    // ROC AUC: 100,000 scores with ties (rounded to 3 decimals).
    const y = Array.from({ length: 100_000 }, () => (r.next() < 0.3 ? 1 : 0));
    const s = y.map((v) => Math.round((v * 0.4 + r.next()) * 1000) / 1000);
    const auc = await measure(() => rocAucScore(y, s), REPEAT, WARMUP);
    report('rocAucScore 100k', auc, sklearnMs(dir, { y, s }, `
from sklearn.metrics import roc_auc_score
def run(): roc_auc_score(y, s)`), '≤ 3×');

    // Silhouette: 2,000 points in 3 clusters, 5 features (O(n²) distances).
    const X = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 5 }, () => r.normal(i % 3 * 2, 1)));
    const labels = X.map((_, i) => i % 3);
    const sil = await measure(() => silhouetteScore(X, labels), REPEAT, WARMUP);
    report('silhouetteScore 2k×5', sil, sklearnMs(dir, { X, y: labels }, `
from sklearn.metrics import silhouette_score
def run(): silhouette_score(X, y)`), '≤ 3×');

    // StandardScaler fit + transform: 100,000 × 10.
    const big = Array.from({ length: 100_000 }, () => Array.from({ length: 10 }, () => r.normal()));
    const scaler = await measure(() => new StandardScaler().fitTransform(big), REPEAT, WARMUP);
    report('StandardScaler.fitTransform 100k×10', scaler, sklearnMs(dir, { X: big, y: [0] }, `
from sklearn.preprocessing import StandardScaler
def run(): StandardScaler().fit_transform(X)`), '≤ 3×');

    // 5-fold stratified cross-validation of a nearest-centroid model on 20,000 × 5.
    const Xc = X.concat(X, X, X, X, X, X, X, X, X).map((row) => row.slice());
    const yc = Xc.map((row) => (row[0] > 2 ? 1 : 0));
    const cv = await measure(() => crossValScore(new NearestCentroid(), Xc, yc, { cv: new StratifiedKFold({ nSplits: 5 }) }), REPEAT, WARMUP);
    report('crossValScore NearestCentroid 20k×5, 5 folds', cv, sklearnMs(dir, { X: Xc, y: yc }, `
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import NearestCentroid
def run(): cross_val_score(NearestCentroid(), X, y, cv=5)`), '≤ 3×');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
