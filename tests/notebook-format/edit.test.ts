import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deleteBlock,
  insertCell,
  moveBlock,
  nextBlockId,
  NotebookFormatError,
  parseNotebook,
  serializeNotebook,
  setCellOptions,
  updateCellSource,
  updateProse,
  type Notebook,
} from '../../src/notebook/index.ts';

const casesDir = join(import.meta.dirname, 'cases');
const readCase = (name: string): string => readFileSync(join(casesDir, name), 'utf8');
const load = (name: string): Notebook => parseNotebook(readCase(name), name);

/** The blocks as a fresh parse of the written file sees them (ids aside: a reload renumbers). */
function reread(nb: Notebook): unknown[] {
  return parseNotebook(serializeNotebook(nb), nb.file).blocks.map(({ id: _id, ...rest }) => rest);
}
const withoutIds = (nb: Notebook): unknown[] => nb.blocks.map(({ id: _id, ...rest }) => rest);

const basic = readCase('basic.md');
const KCELL = "```ts\nconst k = slider(3, { min: 1, max: 10, label: 'k' })\n```\n";

describe('updateCellSource', () => {
  it('updateCellSource changes only that cell’s bytes and keeps every id', () => {
    const nb = load('basic.md');
    const edited = updateCellSource(nb, 'c0', 'const k = 4');
    expect(serializeNotebook(edited)).toBe(basic.replace("const k = slider(3, { min: 1, max: 10, label: 'k' })", 'const k = 4'));
    expect(edited.blocks.map((block) => block.id)).toEqual(nb.blocks.map((block) => block.id));
    expect(edited.blocks[0]).toBe(nb.blocks[0]); // untouched blocks are the same objects
    expect(nb.blocks[1]).toMatchObject({ source: "const k = slider(3, { min: 1, max: 10, label: 'k' })" }); // the input is not mutated
  });

  it('updateCellSource moves the line numbers of the blocks below', () => {
    const edited = updateCellSource(load('basic.md'), 'c0', 'const k = 4\nconst j = 5\nconst i = 6');
    expect(edited.blocks.map((block) => block.line)).toEqual([8, 11, 17, 19]);
    expect(withoutIds(edited)).toEqual(reread(edited));
  });

  it('updateCellSource writes the cell with the file’s CRLF line endings', () => {
    const text = readCase('crlf.md');
    const edited = updateCellSource(load('crlf.md'), 'c0', 'const a = 10\nconst b = 20');
    expect(serializeNotebook(edited)).toBe(text.replace('const a = 1\r\nconst b = 2', 'const a = 10\r\nconst b = 20'));
  });

  it('updateCellSource keeps a missing final newline missing', () => {
    const edited = updateCellSource(load('no-final-newline.md'), 'c0', 'const a = 2');
    expect(serializeNotebook(edited)).toBe(readCase('no-final-newline.md').replace('const a = 1', 'const a = 2'));
  });

  it('updateCellSource re-indents the code of an indented fence', () => {
    const edited = updateCellSource(load('indented-fence.md'), 'c0', 'const a = 1\n\n  const b = 2');
    expect(serializeNotebook(edited)).toBe('---\ntitle: Indented fence\n---\n  ```ts\n  const a = 1\n\n    const b = 2\n  ```\n');
    expect(withoutIds(edited)).toEqual(reread(edited));
  });

  it('updateCellSource lengthens the fence when the code contains a closing fence', () => {
    const source = 'const md = `\n```\n`';
    const edited = updateCellSource(load('basic.md'), 'c0', source);
    expect(serializeNotebook(edited)).toBe(basic.replace(KCELL, '````ts\n' + source + '\n````\n'));
    expect(reread(edited)).toEqual(withoutIds(edited));
  });

  it('updateCellSource keeps a tilde fence and its hidden option', () => {
    const edited = updateCellSource(load('tilde-fences.md'), 'c1', 'const b = 3');
    expect(serializeNotebook(edited)).toBe(
      readCase('tilde-fences.md').replace('const b = 2\n~~~\nstill code: a shorter fence does not close', 'const b = 3'),
    );
  });

  it('updateCellSource returns the same notebook when the source is unchanged', () => {
    const nb = load('basic.md');
    expect(updateCellSource(nb, 'c1', nb.blocks[3].kind === 'code' ? nb.blocks[3].source : '')).toBe(nb);
  });

  it('updateCellSource names the problem for a prose id or an unknown id', () => {
    const nb = load('basic.md');
    expect(() => updateCellSource(nb, 'p0', 'x')).toThrow('basic.md: block "p0" is prose, not a code cell; updateCellSource applies to code cells (use updateProse for prose)');
    expect(() => updateCellSource(nb, 'c9', 'x')).toThrow('basic.md: no block with id "c9" (ids: p0, c0, p1, c1)');
  });
});

describe('updateProse', () => {
  it('updateProse changes only that block’s bytes', () => {
    const edited = updateProse(load('basic.md'), 'p1', 'More prose,\nnow on two lines.');
    expect(serializeNotebook(edited)).toBe(basic.replace('More prose.\n', 'More prose,\nnow on two lines.\n'));
    expect(withoutIds(edited)).toEqual(reread(edited));
  });

  it('updateProse refuses text with an unclosed fence, naming the file line', () => {
    const nb = load('basic.md');
    const attempt = (): Notebook => updateProse(nb, 'p1', 'Example:\n```python\nx = 1');
    expect(attempt).toThrow(NotebookFormatError);
    expect(attempt).toThrow('basic.md:16: unterminated ``` fence in this prose; close it with ```');
  });

  it('updateProse refuses a code cell id', () => {
    expect(() => updateProse(load('basic.md'), 'c0', 'x')).toThrow('block "c0" is a code cell; use updateCellSource');
  });
});

describe('setCellOptions', () => {
  it('setCellOptions rewrites only the opening fence line', () => {
    const nb = load('basic.md');
    const hidden = setCellOptions(nb, 'c0', ['hidden']);
    expect(serializeNotebook(hidden)).toBe(basic.replace(KCELL, KCELL.replace('```ts\n', '```ts hidden\n')));
    expect(hidden.blocks[1]).toMatchObject({ id: 'c0', options: ['hidden'] });
    const shown = setCellOptions(nb, 'c1', []);
    expect(serializeNotebook(shown)).toBe(basic.replace('```ts hidden\n', '```ts\n'));
  });

  it('setCellOptions keeps unknown options the caller passes and the file had', () => {
    const nb = load('options.md');
    const cell = nb.blocks[1];
    expect(cell.kind === 'code' && cell.options).toEqual(['hidden', 'collapsed', 'width=wide']);
    const edited = setCellOptions(nb, 'c1', ['collapsed', 'width=wide']);
    expect(serializeNotebook(edited)).toBe(readCase('options.md').replace('```ts   hidden   collapsed   width=wide', '```ts collapsed width=wide'));
    expect(withoutIds(edited)).toEqual(reread(edited));
  });

  it('setCellOptions returns the same notebook for the same options and rejects words with spaces', () => {
    const nb = load('options.md');
    expect(setCellOptions(nb, 'c0', ['hidden'])).toBe(nb);
    expect(() => setCellOptions(nb, 'c0', ['two words'])).toThrow('options.md: cell option "two words" must be one word without spaces or backticks');
    expect(() => setCellOptions(nb, 'c0', ['`x`'])).toThrow('must be one word without spaces or backticks');
  });
});

describe('insertCell', () => {
  it('insertCell adds a code cell after a block with a blank line before it and a fresh id', () => {
    const nb = load('basic.md');
    const edited = insertCell(nb, 'c0', 'const n = 1');
    expect(serializeNotebook(edited)).toBe(basic.replace(KCELL, KCELL + '\n```ts\nconst n = 1\n```\n'));
    expect(edited.blocks.map((block) => block.id)).toEqual(['p0', 'c0', 'c2', 'p1', 'c1']);
    expect(withoutIds(edited)).toEqual(reread(edited));
  });

  it('insertCell with null puts the block first; an empty code cell is two fence lines', () => {
    const edited = insertCell(load('basic.md'), null);
    expect(serializeNotebook(edited)).toBe(basic.replace('---\n# K-means', '---\n\n```ts\n```\n\n# K-means'));
    expect(edited.blocks[0]).toEqual({ kind: 'code', id: 'c2', source: '', options: [], line: 9 });
  });

  it('insertCell adds prose and never reuses an id, even a deleted one', () => {
    const nb = load('basic.md');
    const once = insertCell(nb, 'c1', 'The end.', 'prose');
    expect(serializeNotebook(once)).toBe(basic + '\nThe end.\n');
    expect(once.blocks.at(-1)).toMatchObject({ kind: 'prose', id: 'p2', text: 'The end.', line: 21 });
    const again = insertCell(deleteBlock(once, 'p2'), 'c1', 'x');
    expect(again.blocks.at(-1)?.id).toBe('c3');
  });

  it('nextBlockId names the block insertCell inserts next, code or prose', () => {
    const nb = load('basic.md');
    expect(nextBlockId(nb, 'code')).toBe('c2');
    expect(insertCell(nb, 'c0', '', 'code').blocks[2].id).toBe(nextBlockId(nb, 'code'));
    expect(insertCell(nb, 'c0', 'Text.', 'prose').blocks[2].id).toBe(nextBlockId(nb, 'prose'));
    expect(nextBlockId(insertCell(nb, 'c0'), 'prose')).toBe('p3');
  });

  it('insertCell at the end of a file without a final newline keeps it without one', () => {
    const edited = insertCell(load('no-final-newline.md'), 'c0', 'const b = 2');
    expect(serializeNotebook(edited)).toBe(readCase('no-final-newline.md') + '\n\n```ts\nconst b = 2\n```');
  });

  it('insertCell uses CRLF in a CRLF file', () => {
    const edited = insertCell(load('crlf.md'), 'p0', 'a\nb');
    expect(serializeNotebook(edited)).toBe(readCase('crlf.md').replace('Prose line.\r\n', 'Prose line.\r\n\r\n```ts\r\na\r\nb\r\n```\r\n'));
  });
});

describe('deleteBlock', () => {
  it('deleteBlock removes the block and the blank line before it, keeping the other ids', () => {
    const edited = deleteBlock(load('basic.md'), 'c0');
    expect(serializeNotebook(edited)).toBe(basic.replace('\n' + KCELL, ''));
    expect(edited.blocks.map((block) => block.id)).toEqual(['p0', 'p1', 'c1']);
    expect(edited.blocks.map((block) => block.line)).toEqual([8, 11, 13]);
  });

  it('deleteBlock keeps a separating gap when the block had none after it', () => {
    const text = readCase('adjacent-and-gaps.md');
    const edited = deleteBlock(load('adjacent-and-gaps.md'), 'c1');
    expect(serializeNotebook(edited)).toBe(text.replace('```ts\nconst b = 2\n```\n', ''));
    expect(withoutIds(edited)).toEqual(reread(edited));
  });

  it('deleteBlock of the last block keeps a missing final newline missing', () => {
    const edited = deleteBlock(load('no-final-newline.md'), 'c0');
    expect(serializeNotebook(edited)).toBe('---\ntitle: No final newline\n---\nProse.');
  });
});

describe('moveBlock', () => {
  it('moveBlock swaps a block with its neighbour and leaves the gaps in place', () => {
    const nb = load('basic.md');
    const edited = moveBlock(nb, 'c1', -1);
    expect(serializeNotebook(edited)).toBe(
      basic.replace('More prose.\n\n```ts hidden\nconst data = makeBlobs({ nSamples: 300, seed: 1 })\n```\n', '```ts hidden\nconst data = makeBlobs({ nSamples: 300, seed: 1 })\n```\n\nMore prose.\n'),
    );
    expect(edited.blocks.map((block) => block.id)).toEqual(['p0', 'c0', 'c1', 'p1']);
    expect(withoutIds(edited)).toEqual(reread(edited));
    expect(serializeNotebook(moveBlock(edited, 'c1', 1))).toBe(basic);
  });

  it('moveBlock past either end returns the notebook unchanged', () => {
    const nb = load('basic.md');
    expect(moveBlock(nb, 'p0', -1)).toBe(nb);
    expect(moveBlock(nb, 'c1', 1)).toBe(nb);
  });
});

describe('edits in sequence', () => {
  it('a file written after many edits reads back as the same blocks and lines', () => {
    let nb = load('adjacent-and-gaps.md');
    nb = insertCell(nb, 'c0', 'const x = 1');
    nb = updateCellSource(nb, 'c2', 'const c = 3\nconst d = 4');
    nb = moveBlock(nb, 'c0', 1);
    nb = setCellOptions(nb, 'c1', ['hidden']);
    nb = updateProse(nb, 'p0', 'Prose, edited\nover two lines.');
    nb = deleteBlock(nb, 'p1');
    nb = insertCell(nb, null, '# Title', 'prose');
    expect(nb.blocks.map((block) => block.id)).toEqual(['p4', 'c3', 'c0', 'c1', 'p0', 'c2']);
    expect(withoutIds(nb)).toEqual(reread(nb));
  });
});
