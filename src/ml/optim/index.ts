export * from './lbfgs.ts';
