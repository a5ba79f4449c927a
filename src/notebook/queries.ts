import type { CodeBlock, Notebook } from './types.ts';

/** The notebook's code cells, in order. */
export function codeCells(nb: Notebook): CodeBlock[] {
  return nb.blocks.filter((block): block is CodeBlock => block.kind === 'code');
}

/** The notebook's slug from its path: "notebooks/k-means.md" → "k-means". */
export function slugOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return base.replace(/\.md$/i, '');
}
