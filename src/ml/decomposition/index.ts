export { center, covarianceMatrix, eigenDecomposition } from './pca-steps.ts';
export * from './pca.ts';
export * from './tsne.ts';
export * from './trustworthiness.ts';
export { tsneJointProbabilities } from './tsne-affinities.ts';
export * from './truncated-svd.ts';
export * from './subspace-angles.ts';
