import { checkPositiveInt } from '../core/validate.ts';
import { toRandom } from '../core/random.ts';
import { parameterGrid, sampleParam, type ParamDistribution } from './parameter-grid.ts';
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
    checkPositiveInt(this.params.nIter!, where, 'nIter');
    const random = toRandom(this.params.seed);
    const dists = this.params.paramDistributions;
    const keys = Object.keys(dists).sort();
    const nIter = this.params.nIter!;
    if (keys.every((k) => Array.isArray(dists[k]))) {
      const grid = parameterGrid(dists as Record<string, unknown[]>, where);
      return random.sample(grid.length, Math.min(nIter, grid.length)).map((i) => grid[i]);
    }
    return Array.from({ length: nIter }, () => Object.fromEntries(keys.map((k) => [k, sampleParam(dists[k], random, k, where)])));
  }
}
