// The public API of the core: every name exported here is a global in notebook cells, so only
// what a learner uses (seeded randomness, the estimator contract, class weights, the input error).
// Input checks, dense kernels and `fail` are the library's own: modules import them from their files.
export { rng, type Random, type SeedLike } from './random.ts';
export { MLInputError, type MatrixLike, type VectorLike } from './validate.ts';
export { cloneEstimator, type Estimator, type Predictor, type Classifier, type Transformer } from './estimator.ts';
export type { Decision } from './decision.ts';
export { computeClassWeight, computeSampleWeight, type ClassWeight } from './class-weight.ts';
