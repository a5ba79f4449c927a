export * from './make-transfer-tasks.ts';
export * from './few-shot-support.ts';
export * from './transfer-model.ts';
export * from './prototype-classifier.ts';
export * from './train-few-shot.ts';
