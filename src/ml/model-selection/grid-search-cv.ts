import { parameterGrid, type ParamGrid } from './parameter-grid.ts';
import { SearchCV, type SearchCVParams } from './search-cv.ts';

export interface GridSearchCVParams extends SearchCVParams {
  /** Values to try per option; every combination is cross-validated. A list of grids is tried in turn. */
  paramGrid: ParamGrid | ParamGrid[];
}

/** Exhaustive search over a parameter grid, scoring each combination by cross-validation. */
export class GridSearchCV extends SearchCV<GridSearchCVParams> {
  constructor(params: GridSearchCVParams) {
    super('GridSearchCV', { refit: true, ...params });
  }

  protected candidates(where: string): Record<string, unknown>[] {
    return parameterGrid(this.params.paramGrid, where);
  }
}
