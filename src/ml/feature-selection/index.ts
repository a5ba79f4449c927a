// Feature selection: keep the columns that score highest against the labels.
export * from './f-classif.ts';
export * from './select-k-best.ts';
