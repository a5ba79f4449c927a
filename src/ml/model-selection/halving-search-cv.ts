import { checkPositiveInt, fail } from '../core/validate.ts';
import { parameterGrid, sampleCandidates, type ParamDistribution, type ParamGrid } from './parameter-grid.ts';
import { SuccessiveHalvingSearch, type HalvingSearchCVParams } from './successive-halving.ts';

export interface HalvingGridSearchCVParams extends HalvingSearchCVParams {
  /** Values to try per option; every combination starts in the first rung. */
  paramGrid: ParamGrid | ParamGrid[];
}

/**
 * Successive halving over a parameter grid (scikit-learn's HalvingGridSearchCV): every
 * combination is cross-validated on few samples, the best ⌈n / factor⌉ go on with factor times
 * more. minResources defaults to 'exhaust', so the last rung uses (nearly) all rows.
 * `steps(X, y)` yields one rung at a time.
 */
export class HalvingGridSearchCV extends SuccessiveHalvingSearch<HalvingGridSearchCVParams> {
  protected readonly defaultMinResources = 'exhaust';

  constructor(params: HalvingGridSearchCVParams) {
    super('HalvingGridSearchCV', { refit: true, ...params });
  }

  protected firstCandidates(where: string): Record<string, unknown>[] {
    return parameterGrid(this.params.paramGrid, where);
  }
}

export interface HalvingRandomSearchCVParams extends HalvingSearchCVParams {
  /** Per option: an array to pick from, or { uniform | logUniform | int: [a, b] }. */
  paramDistributions: Record<string, ParamDistribution>;
  /** Candidates in the first rung: a number, or 'exhaust' (⌊maxResources / minResources⌋, as many as the budget allows). */
  nCandidates?: number | 'exhaust';
}

/**
 * Successive halving over random candidates (scikit-learn's HalvingRandomSearchCV). minResources
 * defaults to 'smallest' and nCandidates to 'exhaust'. `steps(X, y)` yields one rung at a time.
 */
export class HalvingRandomSearchCV extends SuccessiveHalvingSearch<HalvingRandomSearchCVParams> {
  protected readonly defaultMinResources = 'smallest';

  constructor(params: HalvingRandomSearchCVParams) {
    super('HalvingRandomSearchCV', { refit: true, nCandidates: 'exhaust', ...params });
  }

  protected firstCandidates(where: string, budget: { minResources: number; maxResources: number }): Record<string, unknown>[] {
    const { nCandidates } = this.params;
    if (nCandidates !== 'exhaust') checkPositiveInt(nCandidates!, where, 'nCandidates');
    // 'exhaust' candidates are sized by minResources, 'exhaust' minResources by the candidates
    else if (this.params.minResources === 'exhaust') fail(where, "nCandidates and minResources cannot both be 'exhaust'");
    const count = nCandidates === 'exhaust' ? Math.floor(budget.maxResources / budget.minResources) : nCandidates!;
    return sampleCandidates(this.params.paramDistributions, count, this.params.seed, where);
  }
}
