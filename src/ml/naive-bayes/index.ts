export * from './gaussian.ts';
export * from './multinomial.ts';
export * from './bernoulli.ts';
