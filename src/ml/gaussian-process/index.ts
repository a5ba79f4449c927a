// Gaussian process regression (kernel hyperparameters fitted by the evidence, or fixed), expected improvement and a small Bayesian optimiser.
export { Kernel, RBF, Matern, ConstantKernel, WhiteKernel } from './kernels.ts';
export type { HyperparameterBounds } from './kernels.ts';
export * from './gaussian-process-regressor.ts';
export * from './expected-improvement.ts';
export * from './bayesian-optimizer.ts';
