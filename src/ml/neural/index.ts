export * from './erf.ts';
// `sigmoid` is also exported by src/ml/linear (a scalar σ); two `export *` of one name would make
// it ambiguous at the root, so the elementwise version is reached as `activations.sigmoid`.
export {
  elementwise, relu, leakyRelu, gelu, geluTanh, tanh, elu, swish, linear, activations, activationDerivative,
  softmax, softmaxJacobian,
} from './activations.ts';
export type { Numeric, Mapped, Elementwise, ActivationName } from './activations.ts';
export * from './unit-activity.ts';
export * from './sampling.ts';
export * from './attention.ts';
export * from './positional-encoding.ts';
export * from './layer-norm.ts';
export * from './conv2d.ts';
export * from './pooling.ts';
export * from './kernels.ts';
export * from './skip-gram.ts';
export * from './seeded-dropout.ts';
export * from './build-mlp.ts';
export * from './layer-gradient-norms.ts';
export * from './clip-gradients.ts';
export * from './losses.ts';
export * from './optimizers.ts';
export * from './schedule.ts';
export * from './train-steps.ts';
export * from './tensor-ops.ts';
export * from './transformer-block.ts';
export * from './char-transformer.ts';
export * from './feature-maps.ts';
export * from './mini-batch-steps.ts';
export * from './autoencoder.ts';
export * from './transformer-block-trace.ts';
export * from './masked-tokens.ts';
