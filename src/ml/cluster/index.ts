export * from './assign-update.ts';
export { kmeansPlusPlusInit } from './kmeans-plus-plus.ts';
export * from './kmeans.ts';
export * from './dbscan.ts';
