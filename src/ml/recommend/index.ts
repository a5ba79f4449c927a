export * from './ratings-data.ts';
export * from './als-half-step.ts';
export * from './matrix-factorization.ts';
export * from './content-based.ts';
export * from './two-tower.ts';
export * from './evaluate-recommendations.ts';
