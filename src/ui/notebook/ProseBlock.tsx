import { createMemo } from 'solid-js';
import { renderMarkdown, type AnchorCounter } from '../markdown/render-markdown.ts';

/** A block of Markdown prose with math. Headings get tabindex so the table of contents can focus them. */
export function ProseBlock(props: { text: string; anchors: () => AnchorCounter }) {
  const html = createMemo(() => renderMarkdown(props.text, props.anchors()).replace(/<(h[1-6]) id=/g, '<$1 tabindex="-1" id='));
  return <section class="prose" innerHTML={html()} />;
}
