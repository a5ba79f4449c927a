export * from './metric.ts';
export * from './kd-tree.ts';
export * from './search.ts';
export * from './nearest-neighbors.ts';
export * from './weights.ts';
export * from './classifier.ts';
export * from './regressor.ts';
