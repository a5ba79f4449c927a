export * from './labels.ts';
export * from './softmax.ts';
export * from './regressor-base.ts';
export * from './least-squares.ts';
export * from './ridge.ts';
export * from './coordinate-descent.ts';
export * from './elastic-net.ts';
export * from './paths.ts';
