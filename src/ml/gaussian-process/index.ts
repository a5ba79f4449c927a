// Gaussian process regression with fixed kernels, expected improvement and a small Bayesian optimiser.
export { Kernel, RBF, Matern, ConstantKernel, WhiteKernel } from './kernels.ts';
export * from './gaussian-process-regressor.ts';
export * from './expected-improvement.ts';
export * from './bayesian-optimizer.ts';
