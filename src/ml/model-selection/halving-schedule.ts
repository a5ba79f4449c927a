import { fail } from '../core/validate.ts';

/** How successive halving spends its budget: candidates and samples per rung. */
export interface HalvingSchedule {
  /** Samples each candidate is trained on in the first rung (scikit-learn's min_resources_). */
  minResources: number;
  maxResources: number;
  /** Rungs needed so the last evaluates fewer than `factor` candidates. */
  nRequiredIterations: number;
  /** Rungs that fit between minResources and maxResources, growing by `factor`. */
  nPossibleIterations: number;
  nIterations: number;
  /** Samples per rung. */
  nResources: number[];
}

export interface HalvingScheduleOptions {
  nCandidates: number;
  factor: number;
  /** A number of samples, 'smallest' (2 per fold, per class for classifiers) or 'exhaust' (as many as lets the last rung use maxResources). */
  minResources: number | 'smallest' | 'exhaust';
  maxResources: number;
  /** Samples 'smallest' starts from: 2 · folds (· classes for a classifier). */
  smallest: number;
  /** Start eliminating at minResources until few enough candidates are left, even if the budget would end sooner. */
  aggressiveElimination: boolean;
}

/** log_base(x) as Python's math.log(x, base) computes it, so rung counts match scikit-learn's. */
function logBase(x: number, base: number): number {
  return Math.log(x) / Math.log(base);
}

/** scikit-learn's BaseSuccessiveHalving._run_search budget, rung by rung. */
export function halvingSchedule(o: HalvingScheduleOptions, where: string): HalvingSchedule {
  const nRequiredIterations = 1 + Math.floor(logBase(o.nCandidates, o.factor));
  let minResources = typeof o.minResources === 'number' ? o.minResources : o.smallest;
  // 'exhaust': start as high as lets the last required rung still fit in maxResources
  if (o.minResources === 'exhaust') minResources = Math.max(minResources, Math.floor(o.maxResources / o.factor ** (nRequiredIterations - 1)));
  if (minResources > o.maxResources) {
    fail(where, `minResources (${minResources}) is greater than maxResources (${o.maxResources}); use fewer folds, fewer classes or more samples`);
  }
  const nPossibleIterations = 1 + Math.floor(logBase(Math.floor(o.maxResources / minResources), o.factor));
  const nIterations = o.aggressiveElimination ? nRequiredIterations : Math.min(nPossibleIterations, nRequiredIterations);
  const nResources = Array.from({ length: nIterations }, (_, itr) => {
    // aggressive: stay at minResources while the surplus rungs eliminate, then grow as usual
    const power = o.aggressiveElimination ? Math.max(0, itr - nRequiredIterations + nPossibleIterations) : itr;
    return Math.min(Math.floor(o.factor ** power * minResources), o.maxResources);
  });
  return { minResources, maxResources: o.maxResources, nRequiredIterations, nPossibleIterations, nIterations, nResources };
}
