// Model inspection: what a fitted model relies on. importancesForPermutations stays internal.
export { permutationImportance, type PermutationImportanceOptions, type PermutationImportanceResult } from './permutation-importance.ts';
export { shapleyValues, type ShapleyValuesOptions, type ShapleyValuesResult } from './shapley-values.ts';
