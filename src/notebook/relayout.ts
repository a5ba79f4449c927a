import { countNewlines } from './lines.ts';
import type { Block, Notebook, NotebookLayout } from './types.ts';

/**
 * Assemble an edited notebook: recompute each block's starting line from the layout,
 * reusing the block objects whose line did not change.
 */
export function relayout(nb: Notebook, blocks: Block[], layout: NotebookLayout): Notebook {
  let line = 1 + countNewlines(layout.frontMatter);
  const placed = blocks.map((block, i) => {
    line += countNewlines(layout.gaps[i]);
    const start = line;
    line += countNewlines(layout.raw[block.id]);
    return block.line === start ? block : { ...block, line: start };
  });
  return { ...nb, blocks: placed, layout };
}

/** The position of a block, or an error naming the id and the notebook when there is none. */
export function indexOfBlock(nb: Notebook, blockId: string): number {
  const index = nb.blocks.findIndex((block) => block.id === blockId);
  if (index === -1) {
    const ids = nb.blocks.map((block) => block.id).join(', ') || 'none';
    throw new RangeError(`${nb.file}: no block with id "${blockId}" (ids: ${ids})`);
  }
  return index;
}
