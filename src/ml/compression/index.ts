export * from './quantize.ts';
export * from './magnitude-pruning.ts';
export * from './distillation-loss.ts';
export * from './small-mlp.ts';
