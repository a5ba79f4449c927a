export * from './lora-linear.ts';
export * from './train-lora.ts';
export * from './low-rank-approximation.ts';
export { frobeniusNorm } from './matrix-products.ts';
