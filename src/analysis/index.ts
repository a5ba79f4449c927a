export * from './analyze-cell.ts';
