export * from './random.ts';
export * from './validate.ts';
export * from './dense.ts';
export * from './estimator.ts';
export type { Decision } from './decision.ts';
export * from './class-weight.ts';
