import { checkFitted, fail, toRows, toVector, type MatrixLike, type VectorLike } from '../core/validate.ts';
import type { Transformer } from '../core/estimator.ts';
import { checkWidth } from '../preprocessing/check.ts';
import { fClassif, type FeatureScores } from './f-classif.ts';

/** Scores every column of X against y (higher = keep). */
export type ScoreFunc = (X: number[][], y: number[]) => FeatureScores;

export interface SelectKBestParams {
  /** How each feature is scored against the labels; default fClassif (ANOVA F). */
  scoreFunc: ScoreFunc;
  /** How many of the highest-scoring features to keep, or 'all'. */
  k: number | 'all';
}

const DEFAULTS: SelectKBestParams = { scoreFunc: fClassif, k: 10 };

/**
 * Keeps the k features that score highest against the labels. It learns from y, so it must be
 * fitted on training rows only: inside a Pipeline, cross-validation refits it in every fold.
 * Ties at the cut keep the later column and a NaN score counts as the lowest, as in scikit-learn.
 */
export class SelectKBest implements Transformer<SelectKBestParams> {
  readonly params: Readonly<SelectKBestParams>;
  /** Each feature's score from fit. */
  scores?: number[];
  private scored?: FeatureScores;
  /** support[j]: feature j is kept (scikit-learn's get_support()). */
  support?: boolean[];
  nFeaturesIn?: number;

  constructor(params: Partial<SelectKBestParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Scores every feature on (X, y) and marks the k best. */
  fit(X: MatrixLike, y?: VectorLike): this {
    const where = 'SelectKBest.fit';
    const rows = toRows(X, where);
    if (y === undefined) fail(where, 'y is required: the features are scored against the labels');
    const labels = toVector(y, where, { name: 'y', length: rows.length });
    const d = rows[0].length;
    const { k, scoreFunc } = this.params;
    if (k !== 'all' && !(Number.isInteger(k) && k >= 0 && k <= d)) {
      fail(where, `k must be 'all' or an integer from 0 to the number of features (${d}), got ${String(k)}`);
    }
    if (typeof scoreFunc !== 'function') fail(where, 'scoreFunc must be a function (X, y) → { scores, pvalues }, e.g. fClassif');
    const scored = scoreFunc(rows, labels);
    const scores = scored.scores;
    const kept = k === 'all' ? d : k;
    // Stable ascending order (NaN lowest), then the last `kept`: scikit-learn's argsort(kind='mergesort')[-k:].
    const key = (j: number) => (Number.isNaN(scores[j]) ? -Infinity : scores[j]);
    const order = scores.map((_, j) => j).sort((a, b) => key(a) - key(b) || a - b);
    this.support = new Array<boolean>(d).fill(false);
    for (const j of order.slice(d - kept)) this.support[j] = true;
    this.scores = scores;
    this.scored = scored;
    this.nFeaturesIn = d;
    return this;
  }

  /** Each feature's p-value from fit (read from the score function's result only when asked). */
  get pvalues(): number[] | undefined {
    return this.scored?.pvalues;
  }

  /** The kept columns of X, in their original order. */
  transform(X: MatrixLike): number[][] {
    const where = 'SelectKBest.transform';
    const support = checkFitted(this.support, where);
    const rows = toRows(X, where);
    checkWidth(rows[0].length, support.length, where);
    const kept = support.flatMap((keep, j) => (keep ? [j] : []));
    return rows.map((row) => kept.map((j) => row[j]));
  }

  fitTransform(X: MatrixLike, y?: VectorLike): number[][] {
    return this.fit(X, y).transform(X);
  }
}
