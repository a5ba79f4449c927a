export * from './isolation-forest.ts';
export { averagePathLength, isolationPathLength, isolationScores, type IsolationTree } from './isolation-tree.ts';
