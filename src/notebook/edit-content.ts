import { NotebookFormatError } from './errors.ts';
import { closesFence, openingFence, type Fence } from './fences.ts';
import { splitLines } from './lines.ts';
import { indexOfBlock, relayout } from './relayout.ts';
import { renderCell, renderProse } from './render.ts';
import type { Block, CodeBlock, Notebook, ProseBlock } from './types.ts';

/** A new notebook with one code cell's source replaced; only that cell's bytes change. */
export function updateCellSource(nb: Notebook, blockId: string, source: string): Notebook {
  const cell = codeBlock(nb, blockId, 'updateCellSource');
  const normalized = source.replace(/\r\n/g, '\n');
  if (normalized === cell.source) return nb;
  const raw = renderCell({ source: normalized, options: cell.options }, nb.layout.raw[blockId], false, nb.layout.eol);
  return replaceBlock(nb, { ...cell, source: normalized }, raw);
}

/** A new notebook with one code cell's options (the words after `ts`, e.g. ['hidden']) replaced. */
export function setCellOptions(nb: Notebook, blockId: string, options: string[]): Notebook {
  const cell = codeBlock(nb, blockId, 'setCellOptions');
  // The cell's bytes start with its opening fence line.
  const fence = openingFence(splitLines(nb.layout.raw[blockId])[0].text) as Fence;
  for (const option of options) {
    if (option === '' || /\s/.test(option) || (fence.char === '`' && option.includes('`'))) {
      throw new RangeError(
        `${nb.file}: cell option ${JSON.stringify(option)} must be one word without spaces` +
          (fence.char === '`' ? ' or backticks' : ''),
      );
    }
  }
  if (options.length === cell.options.length && options.every((option, i) => option === cell.options[i])) return nb;
  const raw = renderCell({ source: cell.source, options }, nb.layout.raw[blockId], true, nb.layout.eol);
  return replaceBlock(nb, { ...cell, options: [...options] }, raw);
}

/**
 * A new notebook with one prose block's Markdown replaced; only that block's bytes change.
 * Text with an unclosed ``` fence is refused (NotebookFormatError), since the file could not be read back.
 */
export function updateProse(nb: Notebook, blockId: string, text: string): Notebook {
  const block = nb.blocks[indexOfBlock(nb, blockId)];
  if (block.kind !== 'prose') {
    throw new RangeError(`${nb.file}: block "${blockId}" is a code cell; use updateCellSource to change its code`);
  }
  const normalized = text.replace(/\r\n/g, '\n');
  if (normalized === block.text) return nb;
  checkFencesClosed(normalized, nb.file, block.line);
  const raw = renderProse(normalized, nb.layout.raw[blockId], nb.layout.eol);
  return replaceBlock(nb, { ...block, text: normalized } satisfies ProseBlock, raw);
}

function codeBlock(nb: Notebook, blockId: string, action: string): CodeBlock {
  const block = nb.blocks[indexOfBlock(nb, blockId)];
  if (block.kind !== 'code') {
    throw new RangeError(
      `${nb.file}: block "${blockId}" is prose, not a code cell; ${action} applies to code cells (use updateProse for prose)`,
    );
  }
  return block;
}

function replaceBlock(nb: Notebook, block: Block, raw: string): Notebook {
  const blocks = nb.blocks.map((old) => (old.id === block.id ? block : old));
  return relayout(nb, blocks, { ...nb.layout, raw: { ...nb.layout.raw, [block.id]: raw } });
}

/** Every fence opened in the text must be closed, as parseNotebook requires. */
function checkFencesClosed(text: string, file: string, firstLine: number): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fence = openingFence(lines[i]);
    if (fence === null) continue;
    const close = lines.findIndex((line, j) => j > i && closesFence(line, fence));
    if (close === -1) {
      const run = fence.char.repeat(fence.length);
      const problem = `unterminated ${run} fence in this prose; close it with ${run}`;
      throw new NotebookFormatError(file, firstLine + i, problem);
    }
    i = close;
  }
}
