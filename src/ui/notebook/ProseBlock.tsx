import { createMemo, createSignal, Show } from 'solid-js';
import { renderMarkdown, type AnchorCounter } from '../markdown/render-markdown.ts';

/**
 * A block of Markdown prose with math. Double-click (or the Edit button, for the keyboard) opens
 * its Markdown in a text box; Shift+Enter, Ctrl/Cmd+Enter or leaving the box applies the change.
 */
export function ProseBlock(props: { text: string; anchors: () => AnchorCounter; onChange(text: string): string | undefined }) {
  const [editing, setEditing] = createSignal(false);
  const [problem, setProblem] = createSignal<string | undefined>();
  // Headings get tabindex so the table of contents can move focus to them.
  const html = createMemo(() => renderMarkdown(props.text, props.anchors()).replace(/<(h[1-6]) id=/g, '<$1 tabindex="-1" id='));
  let box!: HTMLTextAreaElement;

  const fit = () => {
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + 2}px`;
  };
  const commit = () => {
    const error = props.onChange(box.value);
    setProblem(error);
    if (error === undefined) setEditing(false);
  };
  const open = () => {
    setEditing(true);
    box.value = props.text;
    fit();
    box.focus();
  };

  return (
    <div class="prose-block" classList={{ 'prose-editing': editing() }}>
      <Show when={!editing()}>
        <section class="prose" innerHTML={html()} onDblClick={open} />
        <button type="button" class="icon-button prose-edit" aria-label="Edit text" title="Edit this text (or double-click it)" onClick={open}>
          ✎
        </button>
      </Show>
      <div class="prose-editor" hidden={!editing()}>
        <textarea
          ref={box}
          aria-label="Markdown of this text"
          spellcheck={true}
          onInput={fit}
          onBlur={() => editing() && commit()}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              commit();
            } else if (event.key === 'Escape') {
              setProblem(undefined);
              setEditing(false);
            }
          }}
        />
        <Show when={problem()}>
          <p class="prose-problem" role="alert">
            {problem()}
          </p>
        </Show>
        <p class="prose-hint">Markdown with $math$. Shift+Enter to apply, Esc to cancel.</p>
      </div>
    </div>
  );
}
