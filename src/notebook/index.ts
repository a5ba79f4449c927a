export type { Block, CodeBlock, Notebook, NotebookLayout, NotebookMeta, ProseBlock } from './types.ts';
export { NotebookFormatError } from './errors.ts';
export { parseNotebook } from './parse.ts';
export { serializeNotebook } from './serialize.ts';
