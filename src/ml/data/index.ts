export type { Dataset } from './dataset.ts';
export * from './make-blobs.ts';
export * from './make-moons.ts';
export * from './make-circles.ts';
export * from './make-classification.ts';
export * from './make-regression.ts';
export * from './make-spiral.ts';
export * from './load-iris.ts';
export * from './make-tabular.ts';
