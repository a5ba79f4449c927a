import { checkPositiveInt, fail, toVector, type VectorLike } from '../core/validate.ts';
import { checkCV } from './check-cv.ts';
import { halvingSchedule, type HalvingSchedule } from './halving-schedule.ts';
import { isClassifier, type AnyData } from './model-types.ts';
import { evaluateCandidates, refitBest, type CVResults } from './search-results.ts';
import { SearchCV, type SearchCVParams } from './search-cv.ts';
import { SubsampleSplitter } from './subsample-splitter.ts';
import { asRows } from './subset.ts';
import { runToEnd } from '../core/run-to-end.ts';

/** Options of HalvingGridSearchCV and HalvingRandomSearchCV (scikit-learn's, resource = samples). */
export interface HalvingSearchCVParams extends SearchCVParams {
  /** Each rung keeps the best ⌈n / factor⌉ candidates and gives them factor times the samples (default 3). */
  factor?: number;
  /** Samples per candidate in the first rung: a number, 'smallest' (2 per fold, times the classes for a classifier) or 'exhaust'. */
  minResources?: number | 'smallest' | 'exhaust';
  /** Samples per candidate at most: a number or 'auto' (all rows). */
  maxResources?: number | 'auto';
  /** Eliminate at minResources until few enough candidates are left, when the budget has too few rungs. */
  aggressiveElimination?: boolean;
  /** Seed of the row subsamples (and of HalvingRandomSearchCV's draws). */
  seed?: number;
}

/** One rung of successive halving: who was cross-validated on how many samples, and who goes on. */
export interface HalvingRung {
  iteration: number;
  /** Samples each candidate was trained and tested on (split over the folds). */
  nResources: number;
  params: Record<string, unknown>[];
  meanTestScore: number[];
  /** The ⌈n / factor⌉ best candidates, kept for the next rung, worst first (scikit-learn's order). */
  kept: Record<string, unknown>[];
}

/** cvResults of a halving search: one entry per (rung, candidate), with the rung and its samples. */
export interface HalvingCVResults extends CVResults {
  iter: number[];
  nResources: number[];
}

/**
 * Successive halving (scikit-learn's BaseSuccessiveHalving with resource 'n_samples'): every
 * candidate is cross-validated on a small subsample, the best third go on with three times the
 * samples, and so on until one rung uses up to maxResources; the best of the last rung wins.
 */
export abstract class SuccessiveHalvingSearch<P extends HalvingSearchCVParams> extends SearchCV<P> {
  declare cvResults?: HalvingCVResults;
  /** Samples and candidates per rung. */
  nResources?: number[];
  nCandidates?: number[];
  nIterations?: number;
  nRequiredIterations?: number;
  nPossibleIterations?: number;
  minResources?: number;
  maxResources?: number;
  nRemainingCandidates?: number;

  /** The candidates to start from; `smallestBudget` is what a 'exhaust' number of random candidates is sized by. */
  protected abstract firstCandidates(where: string, smallestBudget: { minResources: number; maxResources: number }): Record<string, unknown>[];

  /** Unused: steps() replaces SearchCV.fit and asks firstCandidates, which needs the budget. */
  protected candidates(): Record<string, unknown>[] {
    return fail(`${this.name}.fit`, 'successive halving draws its candidates in steps()');
  }

  /** Runs every rung, then refits the best candidate of the last one on all rows. */
  override fit(X: AnyData, y: VectorLike): this {
    runToEnd(this.steps(X, y));
    return this;
  }

  /** One rung at a time: cross-validates the rung's candidates on its subsample and yields who goes on. */
  *steps(X: AnyData, y: VectorLike): Generator<HalvingRung, void, void> {
    const where = `${this.name}.fit`;
    const rows = asRows(X, where);
    const target = toVector(y, where, { length: rows.length });
    const n = rows.length;
    const { factor = 3, aggressiveElimination = false, seed = 0, estimator } = this.params;
    const minOption = this.params.minResources ?? this.defaultMinResources;
    const maxOption: number | 'auto' = this.params.maxResources ?? 'auto';
    if (typeof factor !== 'number' || !(factor > 1) || !Number.isFinite(factor)) fail(where, `factor must be a number > 1, got ${String(factor)}`);
    if (typeof minOption === 'number') checkPositiveInt(minOption, where, 'minResources');
    else if (minOption !== 'smallest' && minOption !== 'exhaust') fail(where, `minResources must be a number, 'smallest' or 'exhaust', got ${String(minOption)}`);
    if (maxOption !== 'auto') checkPositiveInt(maxOption, where, 'maxResources');
    const maxResources: number = maxOption === 'auto' ? n : maxOption;
    if (maxResources > n) fail(where, `maxResources (${maxResources}) is more than the ${n} rows of X`);
    const base = checkCV(this.params.cv, estimator);
    // scikit-learn's 'smallest': 2 samples per fold, per class for a classifier
    const smallest = 2 * base.getNSplits() * (isClassifier(estimator) ? new Set(target).size : 1);
    const firstMin = typeof minOption === 'number' ? minOption : smallest;
    // A new search forgets the last one's winner until its own last rung.
    this.bestEstimator = this.bestIndex = this.bestParams = this.bestScore = undefined;
    let candidates = this.firstCandidates(where, { minResources: firstMin, maxResources });
    if (candidates.length === 0) fail(where, 'there are no candidates to search');
    const schedule = halvingSchedule({ nCandidates: candidates.length, factor, minResources: minOption, maxResources, smallest, aggressiveElimination }, where);
    this.describeSchedule(schedule);
    this.nCandidates = [];
    const results: HalvingCVResults = { params: [], meanTestScore: [], stdTestScore: [], rankTestScore: [], splitTestScores: [], meanFitTime: [], iter: [], nResources: [] };
    if (this.params.returnTrainScore) results.meanTrainScore = [];

    for (let itr = 0; itr < schedule.nIterations; itr++) {
      const nResources = schedule.nResources[itr];
      this.nCandidates.push(candidates.length);
      const cv = new SubsampleSplitter(base, nResources / n, seed);
      const rung = evaluateCandidates(estimator, candidates, rows, target, { ...this.params, cv }, where);
      appendRung(results, rung, itr, nResources);
      const kept = topK(candidates, rung.meanTestScore, Math.ceil(candidates.length / factor));
      this.cvResults = results;
      const last = itr === schedule.nIterations - 1;
      if (last) this.chooseBest(candidates, rung.meanTestScore, rows, target, kept.length);
      yield { iteration: itr, nResources, params: candidates, meanTestScore: rung.meanTestScore, kept };
      candidates = kept;
    }
  }

  /** 'exhaust' for a grid, 'smallest' for random candidates (scikit-learn's defaults). */
  protected abstract readonly defaultMinResources: 'smallest' | 'exhaust';

  private describeSchedule(s: HalvingSchedule): void {
    this.minResources = s.minResources;
    this.maxResources = s.maxResources;
    this.nRequiredIterations = s.nRequiredIterations;
    this.nPossibleIterations = s.nPossibleIterations;
    this.nIterations = s.nIterations;
    this.nResources = s.nResources;
  }

  /** The best candidate of the last rung (scikit-learn's _select_best_index), refitted on all rows. */
  private chooseBest(candidates: Record<string, unknown>[], scores: number[], rows: unknown[], target: number[], nKept: number): void {
    const results = this.cvResults!;
    const offset = results.params.length - candidates.length;
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best] || (Number.isNaN(scores[best]) && !Number.isNaN(scores[i]))) best = i;
    this.bestIndex = offset + best;
    this.bestParams = candidates[best];
    this.bestScore = scores[best];
    this.nRemainingCandidates = nKept;
    if (this.params.refit !== false) this.bestEstimator = refitBest(this.params.estimator, this.bestParams, rows, target);
  }
}

/** Adds a rung's rows to the results and re-ranks them all (scikit-learn ranks across rungs). */
function appendRung(results: HalvingCVResults, rung: CVResults, itr: number, nResources: number): void {
  results.params.push(...rung.params);
  results.meanTestScore.push(...rung.meanTestScore);
  results.stdTestScore.push(...rung.stdTestScore);
  results.splitTestScores.push(...rung.splitTestScores);
  results.meanFitTime.push(...rung.meanFitTime);
  if (results.meanTrainScore && rung.meanTrainScore) results.meanTrainScore.push(...rung.meanTrainScore);
  for (let i = 0; i < rung.params.length; i++) {
    results.iter.push(itr);
    results.nResources.push(nResources);
  }
  const all = results.meanTestScore;
  results.rankTestScore = all.map((m) => 1 + all.filter((o) => o > m).length);
}

/** The k best candidates by score, worst first, NaN scores counting as worst (scikit-learn's _top_k). */
function topK(candidates: Record<string, unknown>[], scores: number[], k: number): Record<string, unknown>[] {
  const order = candidates.map((_, i) => i).sort((a, b) => {
    const sa = scores[a], sb = scores[b];
    if (Number.isNaN(sa) || Number.isNaN(sb)) return Number.isNaN(sa) ? (Number.isNaN(sb) ? 0 : -1) : 1;
    return sa - sb;
  });
  return order.slice(order.length - k).map((i) => candidates[i]);
}
