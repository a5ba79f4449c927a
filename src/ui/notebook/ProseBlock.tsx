import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import { renderMarkdown, type AnchorCounter } from '../markdown/render-markdown.ts';
import { keepDraft } from './drafts.ts';

/** Where the editor opens: on the text as it is, or with a new paragraph started after or before it. */
export type OpenAt = 'text' | 'end' | 'start';

/**
 * A block of Markdown prose with math. Double-click (or the Edit button, for the keyboard) opens
 * its Markdown in a text box; Shift+Enter, Ctrl/Cmd+Enter or leaving the box applies the change,
 * Esc puts back the text as it was when the box opened. Applying an empty text deletes the block,
 * as does Esc on a block that was empty (a new one).
 */
export function ProseBlock(props: {
  id: string;
  text: string;
  anchors: () => AnchorCounter;
  /** Opens the editor when this becomes set ("Add text" next to this block, or a new block). */
  startEditing?: OpenAt;
  onChange(text: string): string | undefined;
  onDelete(): void;
}) {
  const [editing, setEditing] = createSignal(false);
  const [problem, setProblem] = createSignal<string | undefined>();
  // Headings get tabindex so the table of contents can move focus to them.
  const html = createMemo(() => renderMarkdown(props.text, props.anchors()).replace(/<(h[1-6]) id=/g, '<$1 tabindex="-1" id='));
  let box!: HTMLTextAreaElement;
  /** The text when the box opened: what Esc returns to, even after a draft was applied. */
  let textAtOpen = '';

  const fit = () => {
    box.style.height = 'auto';
    box.style.height = `${box.scrollHeight + 2}px`;
  };
  // Blank lines before the first paragraph, and spaces or blank lines after the last, mean nothing
  // in Markdown (and would otherwise be kept in the file): a new paragraph left empty changes nothing.
  const meaningful = (text: string) => text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  const typed = () => meaningful(box.value);
  const changed = () => typed() !== meaningful(props.text);
  const commit = () => {
    if (typed() === '') {
      setEditing(false);
      props.onDelete();
      return;
    }
    if (!changed()) {
      setProblem(undefined);
      setEditing(false);
      return;
    }
    const error = props.onChange(typed());
    setProblem(error);
    if (error === undefined) setEditing(false);
  };
  const cancel = () => {
    setProblem(undefined);
    setEditing(false);
    if (textAtOpen.trim() === '') props.onDelete();
    else if (props.text !== textAtOpen) props.onChange(textAtOpen);
  };
  const open = (at: OpenAt = 'text') => {
    // Already open (its text could not be applied yet): start the new paragraph in what is typed.
    const current = editing() ? box.value : props.text;
    if (!editing()) textAtOpen = props.text;
    setEditing(true);
    box.value = at === 'end' ? `${current}\n\n` : at === 'start' ? `\n\n${current}` : current;
    // Opened from an effect ("Add text"), the box is shown only once the update is done.
    queueMicrotask(() => {
      fit();
      box.focus();
      const caret = at === 'start' ? 0 : box.value.length;
      box.setSelectionRange(caret, caret);
    });
  };
  createEffect(on(() => props.startEditing, (at) => at && open(at)));
  // While the box is open, the text typed so far is applied when the page hides (the box stays
  // open) or when the block goes away with the page (in-app navigation).
  const applyDraft = () => {
    if (typed() !== '' && changed()) props.onChange(typed());
  };
  createEffect(() => {
    if (editing()) onCleanup(keepDraft(applyDraft));
  });
  onCleanup(() => editing() && applyDraft());

  return (
    <div class="prose-block" classList={{ 'prose-editing': editing() }} data-block={props.id}>
      <Show when={!editing()}>
        <section class="prose" innerHTML={html()} onDblClick={() => open()} />
        <button type="button" class="icon-button prose-edit" aria-label="Edit text" title="Edit this text (or double-click it)" onClick={() => open()}>
          ✎
        </button>
      </Show>
      <div class="prose-editor" hidden={!editing()}>
        <textarea
          ref={box}
          aria-label="Markdown of this text"
          spellcheck={true}
          onInput={fit}
          // Another window or tab taking the focus is not leaving the box: it stays open as it is.
          onBlur={() => editing() && document.hasFocus() && commit()}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              commit();
            } else if (event.key === 'Escape') {
              cancel();
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
