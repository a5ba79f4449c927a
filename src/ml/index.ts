// The in-house ML library: everything a notebook cell can call without an import.
export * from './core/index.ts';
export * from './data/index.ts';
export * from './preprocessing/index.ts';
export * from './model-selection/index.ts';
export * from './metrics/index.ts';
export * from './linear/index.ts';
export * from './optim/index.ts';
export * from './neighbors/index.ts';
export * from './naive-bayes/index.ts';
export * from './svm/index.ts';
export * from './tree/index.ts';
export * from './ensemble/index.ts';
export * from './cluster/index.ts';
export * from './decomposition/index.ts';
export * from './text/index.ts';
export * from './neural/index.ts';
