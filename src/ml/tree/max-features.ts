import { fail } from '../core/validate.ts';

/** How many features to try per split: 'sqrt', 'log2', an integer count, a fraction in (0, 1), or undefined for all. */
export type MaxFeatures = 'sqrt' | 'log2' | number | undefined;

/** Resolves a MaxFeatures option to a count in [1, nFeatures], as scikit-learn does. */
export function resolveMaxFeatures(value: MaxFeatures, nFeatures: number, where: string): number {
  if (value === undefined) return nFeatures;
  if (value === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (value === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) {
    if (value > nFeatures) fail(where, `maxFeatures = ${value} is more than the ${nFeatures} features of X`);
    return value;
  }
  if (typeof value === 'number' && value > 0 && value < 1) return Math.max(1, Math.floor(value * nFeatures));
  return fail(where, `maxFeatures must be 'sqrt', 'log2', an integer ≥ 1, a fraction in (0, 1) or undefined (all features), got ${JSON.stringify(value)}`);
}
