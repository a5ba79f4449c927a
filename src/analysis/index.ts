export * from './analyze-cell.ts';
export { INPUT_HELPERS, IMPORTABLE_MODULES, RUNTIME_PARAM, LAST_VALUE } from './rewrite.ts';
