export type { NeighborMetric } from './metric.ts';
export * from './kd-tree.ts';
export type { NeighborAlgorithm, Neighbors } from './search.ts';
export * from './nearest-neighbors.ts';
export type { NeighborWeights } from './weights.ts';
export * from './classifier.ts';
export * from './regressor.ts';
