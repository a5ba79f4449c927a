// The public API of linear models. Internal helpers (label encoding, losses, solvers' inner
// loops) stay unexported so the library's root namespace holds only what a notebook calls.
export * from './least-squares.ts';
export * from './ridge.ts';
export type { CoordinateDescentStep } from './coordinate-descent.ts';
export * from './elastic-net.ts';
export * from './paths.ts';
export type { ProximalStep } from './proximal-gradient.ts';
export * from './logistic.ts';
export type { SGDLoss } from './sgd-loss.ts';
export type { SGDEvery, SGDLearningRate, SGDOptions, SGDPenalty, SGDStep } from './sgd.ts';
export * from './sgd-regressor.ts';
export * from './sgd-classifier.ts';
export * from './huber-regressor.ts';
