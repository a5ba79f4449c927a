import { createEffect, createMemo, createRenderEffect, createSignal, on, onCleanup, Show, untrack } from 'solid-js';
import { renderMarkdown, type AnchorCounter } from '../markdown/render-markdown.ts';
import { keepDraft } from './drafts.ts';

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
  /** Opens the editor when this becomes true (a block made by "Add text"). */
  startEditing?: boolean;
  onChange(text: string): string | undefined;
  onDelete(): void;
  /** The editor closed (applied, cancelled or deleted). */
  onClosed?(): void;
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
  const open = () => {
    // Already open (its text could not be applied yet): what is typed stays.
    if (!editing()) {
      textAtOpen = props.text;
      box.value = props.text;
    }
    setEditing(true);
    // Opened from an effect ("Add text"), the box is shown only once the update is done.
    queueMicrotask(() => {
      fit();
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
  };
  createEffect(on(() => props.startEditing, (start) => start && open()));
  let wasEditing = false;
  createEffect(() => {
    const now = editing();
    if (wasEditing && !now) untrack(() => props.onClosed?.());
    wasEditing = now;
  });
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
        <section class="prose" ref={(section) => createRenderEffect(() => showHtml(section, html()))} onDblClick={() => open()} />
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

/**
 * Puts the rendered text in place. Answers the learner opened stay open when the text is drawn
 * again (KaTeX arriving, an edit of the text), matched by their order in the block.
 */
function showHtml(section: HTMLElement, html: string): void {
  const opened = [...section.querySelectorAll('details')].map((details) => details.open);
  section.innerHTML = html;
  section.querySelectorAll('details').forEach((details, index) => {
    if (opened[index]) details.open = true;
  });
}
