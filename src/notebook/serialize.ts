import type { Notebook } from './types.ts';

/** Write a notebook back to text; for an unedited notebook this is the parsed text byte for byte. */
export function serializeNotebook(nb: Notebook): string {
  const { layout } = nb;
  let text = layout.bom ? '\uFEFF' : '';
  text += layout.frontMatter;
  nb.blocks.forEach((block, i) => {
    text += layout.gaps[i] + layout.raw[block.id];
  });
  text += layout.gaps[nb.blocks.length];
  if (!layout.finalNewline) text = text.replace(/\r?\n$/, '');
  return text;
}
