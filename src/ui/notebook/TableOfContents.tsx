import { For, Show } from 'solid-js';
import type { Heading } from '../../notebook/index.ts';
import { renderInlineMarkdown } from '../markdown/render-markdown.ts';

/** The notebook's headings as links; clicking scrolls to the heading (the hash holds the route). */
export function TableOfContents(props: { headings: Heading[] }) {
  const minLevel = () => Math.min(...props.headings.map((h) => h.level));
  return (
    <Show when={props.headings.length > 1}>
      <nav class="toc" aria-label="Contents">
        <h2>Contents</h2>
        <ol>
          <For each={props.headings}>
            {(heading) => (
              <li style={{ 'padding-left': `${(heading.level - minLevel()) * 0.9}rem` }}>
                <a
                  href={`#${heading.anchor}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const target = document.getElementById(heading.anchor);
                    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                    target?.focus({ preventScroll: true });
                  }}
                  innerHTML={renderInlineMarkdown(heading.text)}
                />
              </li>
            )}
          </For>
        </ol>
      </nav>
    </Show>
  );
}
