import { sampleCandidates, type ParamDistribution } from './parameter-grid.ts';
import { SearchCV, type SearchCVParams } from './search-cv.ts';

export interface RandomizedSearchCVParams extends SearchCVParams {
  /** Per option: an array to pick from, or { uniform | logUniform | int: [a, b] }. */
  paramDistributions: Record<string, ParamDistribution>;
  /** How many candidates to draw (default 10). */
  nIter?: number;
  seed?: number;
}

/**
 * Cross-validates nIter random candidates. When every option is a list, candidates are distinct
 * grid points (scikit-learn samples the grid without replacement).
 */
export class RandomizedSearchCV extends SearchCV<RandomizedSearchCVParams> {
  constructor(params: RandomizedSearchCVParams) {
    super('RandomizedSearchCV', { nIter: 10, refit: true, seed: 0, ...params });
  }

  protected candidates(where: string): Record<string, unknown>[] {
    return sampleCandidates(this.params.paramDistributions, this.params.nIter!, this.params.seed, where);
  }
}

