export * from './gaussian-mixture.ts';
export type { CovarianceType, Covariances } from './gaussian-parameters.ts';
