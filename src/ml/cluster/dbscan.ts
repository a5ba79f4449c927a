import { checkOneOf, checkPositiveInt, checkRange, toRows, type MatrixLike } from '../core/validate.ts';
import { runToEnd } from '../core/run-to-end.ts';

export type DBSCANMetric = 'euclidean' | 'manhattan' | 'chebyshev';

export interface DBSCANParams {
  /** Two rows are neighbours when their distance is ≤ eps. */
  eps: number;
  /** A core point has at least this many neighbours, itself included. */
  minSamples: number;
  metric: DBSCANMetric;
}

/** One growth step of DBSCAN: the rows a cluster reached in one more hop from its core points. */
export interface DBSCANStep {
  cluster: number;
  /** 0 for the seed core point, then 1, 2, … hops away. */
  wave: number;
  added: number[];
  /** Labels so far: -1 for rows not (yet) in a cluster. */
  labels: number[];
}

const defaults: DBSCANParams = { eps: 0.5, minSamples: 5, metric: 'euclidean' };

/**
 * Density-based clustering (Ester et al. 1996): clusters are chains of core points (rows with
 * ≥ minSamples neighbours within eps) plus the rows they reach; the rest is noise (label -1).
 */
export class DBSCAN {
  readonly params: Readonly<DBSCANParams>;
  labels?: number[];
  coreSampleIndices?: number[];
  components?: number[][];

  constructor(params: Partial<DBSCANParams> = {}) {
    this.params = { ...defaults, ...params };
  }

  /** Finds the clusters and the noise. */
  fit(X: MatrixLike): this {
    runToEnd(this.steps(X));
    return this;
  }

  /** Fits and returns the labels (-1 = noise). */
  fitPredict(X: MatrixLike): number[] {
    return this.fit(X).labels!;
  }

  /**
   * The clusters growing: yields each wave of rows a cluster reaches (breadth-first from its
   * first core point), then sets the fitted attributes.
   */
  *steps(X: MatrixLike): Generator<DBSCANStep, this> {
    const rows = toRows(X, 'DBSCAN.fit');
    const { eps, minSamples, metric } = this.params;
    checkRange(eps, 'DBSCAN.fit', 'eps', Number.MIN_VALUE, Infinity);
    checkPositiveInt(minSamples, 'DBSCAN.fit', 'minSamples');
    checkOneOf(metric, ['euclidean', 'manhattan', 'chebyshev'], 'DBSCAN.fit', 'metric');
    const neighbourhoods = radiusNeighbours(rows, eps, metric);
    const isCore = neighbourhoods.map((nb) => nb.length >= minSamples);
    const labels = new Array<number>(rows.length).fill(-1);
    let cluster = 0;
    // Clusters are found in order of their lowest-index core point; a border row reachable from
    // two clusters joins the first, as in scikit-learn.
    for (let seed = 0; seed < rows.length; seed++) {
      if (labels[seed] !== -1 || !isCore[seed]) continue;
      labels[seed] = cluster;
      let frontier = [seed];
      let wave = 0;
      yield { cluster, wave, added: [seed], labels: labels.slice() };
      while (frontier.length > 0) {
        const next: number[] = [];
        for (const i of frontier) {
          if (!isCore[i]) continue; // border rows join a cluster but do not extend it
          for (const j of neighbourhoods[i]) {
            if (labels[j] !== -1) continue;
            labels[j] = cluster;
            next.push(j);
          }
        }
        frontier = next;
        if (next.length > 0) yield { cluster, wave: ++wave, added: next, labels: labels.slice() };
      }
      cluster++;
    }
    this.labels = labels;
    this.coreSampleIndices = isCore.flatMap((core, i) => (core ? [i] : []));
    this.components = this.coreSampleIndices.map((i) => rows[i].slice());
    return this;
  }
}

/** For each row, the indices of rows within eps (itself included), by brute force. */
function radiusNeighbours(rows: number[][], eps: number, metric: DBSCANMetric): number[][] {
  const n = rows.length;
  const d = rows[0].length;
  const out: number[][] = Array.from({ length: n }, () => []);
  // Compare squared distances with eps² for the Euclidean metric: no square root per pair.
  const limit = metric === 'euclidean' ? eps * eps : eps;
  for (let i = 0; i < n; i++) {
    out[i].push(i);
    const a = rows[i];
    for (let j = i + 1; j < n; j++) {
      const b = rows[j];
      let dist = 0;
      for (let f = 0; f < d; f++) {
        const t = Math.abs(a[f] - b[f]);
        if (metric === 'euclidean') dist += t * t;
        else if (metric === 'manhattan') dist += t;
        else if (t > dist) dist = t;
      }
      if (dist <= limit) {
        out[i].push(j);
        out[j].push(i);
      }
    }
  }
  return out;
}
