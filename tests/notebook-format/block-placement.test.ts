import { describe, expect, it } from 'vitest';
import { deleteBlock, deletedBlock, insertCell, insertionIndex, joinBeside, moveBlock, parseNotebook, placeNewText, restoreIndex, type Notebook } from '../../src/notebook/index.ts';

// Blocks: p0 "Intro", c0 `const a = 1`, c1 `const b = 2`, p1 "Middle", c2 `const c = 3`.
const FILE = '---\ntitle: t\n---\nIntro\n\n```ts\nconst a = 1\n```\n\n```ts\nconst b = 2\n```\n\nMiddle\n\n```ts\nconst c = 3\n```\n';
const load = (): Notebook => parseNotebook(FILE, 'placement.md');
const ids = (nb: Notebook) => nb.blocks.map((block) => block.id);

describe('where the page puts new and restored blocks', () => {
  it('the fixture has the blocks the tests name', () => {
    expect(load().blocks.map((b) => `${b.id}:${b.kind}`)).toEqual(['p0:prose', 'c0:code', 'c1:code', 'p1:prose', 'c2:code']);
  });

  it('a new block goes after the block last worked in, or at the end when there is none or it is gone', () => {
    const nb = load();
    expect(insertionIndex(nb, 'c0')).toBe(2);
    expect(insertionIndex(nb, 'c2')).toBe(5);
    expect(insertionIndex(nb, undefined)).toBe(5);
    expect(insertionIndex(deleteBlock(nb, 'c1'), 'c1')).toBe(4);
  });

  it('new text goes beside the text before it, else beside the text after it, else in a block of its own', () => {
    const nb = load();
    expect(placeNewText(nb, 1)).toEqual({ beside: { neighbour: 'p0', side: 'after' } });
    expect(placeNewText(nb, 3)).toEqual({ beside: { neighbour: 'p1', side: 'before' } });
    expect(placeNewText(nb, 2)).toEqual({ newBlockAt: 2 });
    expect(placeNewText(nb, 5)).toEqual({ newBlockAt: 5 });
    expect(placeNewText(nb, 0)).toEqual({ beside: { neighbour: 'p0', side: 'before' } });
  });

  it('text typed beside a text joins it as new paragraphs on its side', () => {
    expect(joinBeside('Intro', 'More.', 'after')).toBe('Intro\n\nMore.');
    expect(joinBeside('Middle', 'Before it.', 'before')).toBe('Before it.\n\nMiddle');
  });

  it('Undo puts a deleted block back before its old next neighbour, else after its old previous one, else at its old place', () => {
    const nb = load();
    const c1 = deletedBlock(nb, 'c1');
    expect(c1).toMatchObject({ index: 2, previous: 'c0', next: 'p1', block: { kind: 'code', source: 'const b = 2' } });
    const without = deleteBlock(nb, 'c1');
    expect(restoreIndex(without, c1)).toBe(2);
    // Edits made since are kept: a cell added at the top shifts the place, the neighbours still hold.
    const added = insertCell(without, null, 'const z = 0');
    expect(ids(added)[restoreIndex(added, c1)]).toBe('p1');
    // The next neighbour gone too: after the previous one.
    expect(restoreIndex(deleteBlock(without, 'p1'), c1)).toBe(2);
    // Both gone: the old index, within the notebook's new length.
    const bare = deleteBlock(deleteBlock(deleteBlock(without, 'p1'), 'c0'), 'c2');
    expect(restoreIndex(bare, c1)).toBe(1);
    // Moved neighbours are followed.
    const moved = moveBlock(without, 'p1', 1);
    expect(ids(moved)[restoreIndex(moved, c1)]).toBe('p1');
  });

  it('names a block that is not there', () => {
    expect(() => deletedBlock(load(), 'c7')).toThrow('no block c7 in placement.md');
  });
});
