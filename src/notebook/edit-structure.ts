import { indexOfBlock, relayout } from './relayout.ts';
import { renderCell, renderProse } from './render.ts';
import type { Block, Notebook } from './types.ts';

/** The id `insertCell` gives the next block of this kind it inserts into `nb`. */
export function nextBlockId(nb: Notebook, kind: 'code' | 'prose'): string {
  return `${kind === 'code' ? 'c' : 'p'}${nb.layout.nextId}`;
}

/**
 * A new notebook with a fresh block after `afterBlockId` (null: first). It gets an id never used
 * in this notebook and a blank line before it. Note: prose next to prose is read back as one block.
 */
export function insertCell(
  nb: Notebook,
  afterBlockId: string | null,
  source = '',
  kind: 'code' | 'prose' = 'code',
): Notebook {
  const at = afterBlockId === null ? 0 : indexOfBlock(nb, afterBlockId) + 1;
  const { layout } = nb;
  const id = nextBlockId(nb, kind);
  const text = source.replace(/\r\n/g, '\n');
  const block: Block = kind === 'code' ? { kind, id, source: text, options: [], line: 0 } : { kind, id, text, line: 0 };
  const raw =
    kind === 'code'
      ? renderCell({ source: text, options: [] }, undefined, true, layout.eol)
      : renderProse(text, undefined, layout.eol);

  // The old gap stays in front of the next block; the new block gets one blank line before it
  // (and the next block gets one after it if it had none), so no existing byte changes.
  const gaps = [...layout.gaps];
  const hasNext = at < nb.blocks.length;
  gaps.splice(at, 1, layout.eol, hasNext && layout.gaps[at] === '' ? layout.eol : layout.gaps[at]);
  const blocks = [...nb.blocks.slice(0, at), block, ...nb.blocks.slice(at)];
  return relayout(nb, blocks, { ...layout, gaps, raw: { ...layout.raw, [block.id]: raw }, nextId: layout.nextId + 1 });
}

/** A new notebook without the block; its bytes and one of the gaps around it go. */
export function deleteBlock(nb: Notebook, blockId: string): Notebook {
  const at = indexOfBlock(nb, blockId);
  const { layout } = nb;
  // Drop the gap before the block, unless the one after it is empty and another block follows.
  const followed = at + 1 < nb.blocks.length;
  const dropGap = followed && layout.gaps[at + 1] === '' ? at + 1 : at;
  const gaps = layout.gaps.filter((_, i) => i !== dropGap);
  const raw = { ...layout.raw };
  delete raw[blockId];
  return relayout(nb, nb.blocks.filter((block) => block.id !== blockId), { ...layout, gaps, raw });
}

/**
 * A new notebook with the block swapped with its neighbour above (-1) or below (1); the gaps
 * stay where they are. Moving the first block up or the last one down returns `nb` unchanged.
 */
export function moveBlock(nb: Notebook, blockId: string, direction: -1 | 1): Notebook {
  const at = indexOfBlock(nb, blockId);
  const to = at + direction;
  if (to < 0 || to >= nb.blocks.length) return nb;
  const blocks = [...nb.blocks];
  [blocks[at], blocks[to]] = [blocks[to], blocks[at]];
  return relayout(nb, blocks, nb.layout);
}
