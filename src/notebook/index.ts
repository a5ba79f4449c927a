export type { Block, CodeBlock, Notebook, NotebookLayout, NotebookMeta, ProseBlock } from './types.ts';
export { NotebookFormatError } from './errors.ts';
export { parseNotebook } from './parse.ts';
export { serializeNotebook } from './serialize.ts';
export { setCellOptions, updateCellSource, updateProse } from './edit-content.ts';
export { deleteBlock, insertCell, moveBlock, nextBlockId } from './edit-structure.ts';
export { deletedBlock, insertionIndex, joinBeside, placeNewText, restoreIndex, type BesidePlacement } from './block-placement.ts';
export { codeCells, slugOf } from './queries.ts';
export { headingAnchor, headings, type Heading } from './headings.ts';
