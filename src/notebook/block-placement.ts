import type { Block, Notebook } from './types.ts';

// Where the page's block edits land: a new cell or text after the block last worked in, a text
// beside a text (two texts side by side would be read back from the file as one), a deleted
// block back between its old neighbours. Pure functions of the notebook, so they are tested
// without a page.

/** Where a new block goes: after the block last worked in, if it is still there, else at the end. */
export function insertionIndex(nb: Notebook, lastWorkedIn: string | undefined): number {
  const at = nb.blocks.findIndex((block) => block.id === lastWorkedIn);
  return at >= 0 ? at + 1 : nb.blocks.length;
}

/** A text box beside an existing text, joined to it as new paragraphs when applied. */
export interface BesidePlacement {
  neighbour: string;
  side: 'before' | 'after';
}

/**
 * Where "Add text" at `index` puts its box: beside the text just before `index` or, failing that,
 * the text at `index` (a box of its own there would merge with it on reload), else a new block.
 */
export function placeNewText(nb: Notebook, index: number): { beside: BesidePlacement } | { newBlockAt: number } {
  const [previous, next] = [nb.blocks[index - 1], nb.blocks[index]];
  if (previous?.kind === 'prose') return { beside: { neighbour: previous.id, side: 'after' } };
  if (next?.kind === 'prose') return { beside: { neighbour: next.id, side: 'before' } };
  return { newBlockAt: index };
}

/** The neighbour's text with what was typed beside it joined as new paragraphs, on its side. */
export function joinBeside(neighbourText: string, typed: string, side: BesidePlacement['side']): string {
  return side === 'after' ? `${neighbourText}\n\n${typed}` : `${typed}\n\n${neighbourText}`;
}

/** A deleted block and where it stood, enough to put it back. */
export interface DeletedBlock {
  block: Block;
  index: number;
  previous: string | undefined;
  next: string | undefined;
}

export function deletedBlock(nb: Notebook, blockId: string): DeletedBlock {
  const index = nb.blocks.findIndex((block) => block.id === blockId);
  if (index < 0) throw new Error(`no block ${blockId} in ${nb.file}`);
  return { block: nb.blocks[index], index, previous: nb.blocks[index - 1]?.id, next: nb.blocks[index + 1]?.id };
}

/**
 * Where Undo puts a deleted block back in the notebook as it is now (other edits made since are
 * kept): before its old next neighbour, else after its old previous one, else at its old index
 * (or the end, if the notebook got shorter).
 */
export function restoreIndex(nb: Notebook, deleted: DeletedBlock): number {
  const beforeNext = nb.blocks.findIndex((block) => block.id === deleted.next);
  if (beforeNext >= 0) return beforeNext;
  const afterPrevious = nb.blocks.findIndex((block) => block.id === deleted.previous);
  if (afterPrevious >= 0) return afterPrevious + 1;
  return Math.min(deleted.index, nb.blocks.length);
}
