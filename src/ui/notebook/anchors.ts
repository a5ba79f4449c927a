import { createMemo } from 'solid-js';
import { headingAnchor, type Block } from '../../notebook/index.ts';
import type { AnchorCounter } from '../markdown/render-markdown.ts';

/**
 * Heading ids must be unique across the page and equal to those of `headings()`: each prose
 * block starts from the counts of the blocks above it. Returns, per block id, the counter to use.
 */
export function createAnchorCounter(blocks: () => Block[]): (blockId: string) => () => AnchorCounter {
  const starts = createMemo(() => {
    const result = new Map<string, Block[]>();
    const above: Block[] = [];
    for (const block of blocks()) {
      result.set(block.id, [...above]);
      above.push(block);
    }
    return result;
  });
  return (blockId) => () => {
    const counter: AnchorCounter = new Map();
    for (const block of starts().get(blockId) ?? []) {
      if (block.kind !== 'prose') continue;
      for (const match of block.text.matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm)) countHeading(counter, match[1]);
    }
    return counter;
  };
}

function countHeading(counter: AnchorCounter, text: string): void {
  const base = headingAnchor(text);
  counter.set(base, (counter.get(base) ?? 0) + 1);
}
