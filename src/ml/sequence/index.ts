export * from './sequence-task.ts';
export { RECURRENT_CELL_KINDS, randomOrthogonal, initRecurrentParams } from './recurrent-params.ts';
export type { RecurrentCellKind, RecurrentParams, RecurrentInitOptions, RecurrentGradients } from './recurrent-params.ts';
export { vanillaRnnForward, vanillaRnnBackward } from './vanilla-rnn.ts';
export type { VanillaRnnRun, RecurrentBackward } from './vanilla-rnn.ts';
export * from './gru.ts';
export * from './lstm.ts';
export * from './train-recurrent.ts';
