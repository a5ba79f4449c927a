import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import { renderMarkdown, type AnchorCounter } from '../markdown/render-markdown.ts';
import { keepDraft } from './drafts.ts';

/**
 * A block of Markdown prose with math. Double-click (or the Edit button, for the keyboard) opens
 * its Markdown in a text box; Shift+Enter, Ctrl/Cmd+Enter or leaving the box applies the change.
 * Applying an empty text deletes the block, as does Esc on a block that was empty (a new one).
 */
export function ProseBlock(props: {
  id: string;
  text: string;
  anchors: () => AnchorCounter;
  /** Opens the editor when this turns true (a block just added). */
  startEditing?: boolean;
  onChange(text: string): string | undefined;
  onDelete(): void;
}) {
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
    if (box.value.trim() === '') {
      setEditing(false);
      props.onDelete();
      return;
    }
    const error = props.onChange(box.value);
    setProblem(error);
    if (error === undefined) setEditing(false);
  };
  const open = () => {
    setEditing(true);
    box.value = props.text;
    // Opened from an effect (a block just added), the box is shown only once the update is done.
    queueMicrotask(() => {
      fit();
      box.focus();
    });
  };
  createEffect(on(() => props.startEditing, (start) => start && open()));
  // While the box is open, leaving the page applies the text typed so far (the box stays open).
  createEffect(() => {
    if (!editing()) return;
    onCleanup(keepDraft(() => {
      if (box.value.trim() !== '' && box.value !== props.text) props.onChange(box.value);
    }));
  });

  return (
    <div class="prose-block" classList={{ 'prose-editing': editing() }} data-block={props.id}>
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
              if (props.text.trim() === '') props.onDelete();
            }
          }}
        />
        <Show when={problem()}>
          <p class="prose-problem" role="alert">
            {problem()}
          </p>
        </Show>
        <p class="prose-hint">Markdown with $math$. Shift+Enter to apply, Esc to cancel; an empty text removes the block.</p>
      </div>
    </div>
  );
}
