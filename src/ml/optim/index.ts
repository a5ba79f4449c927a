export { GradientOptimizer, minimize } from './optimizer.ts';
export type { Gradient, MinimizeOptions, MinimizeResult, MinimizeStep, Objective, OptimizerState } from './optimizer.ts';
export * from './gradient-descent.ts';
export * from './adaptive.ts';
export * from './adam.ts';
export * from './test-functions.ts';
export * from './lbfgs.ts';
