export * from './gan-mlp.ts';
export * from './adam-in-place.ts';
export * from './mixture-1d.ts';
export * from './minibatch-std.ts';
export * from './gan-1d.ts';
export * from './optimal-discriminator.ts';
