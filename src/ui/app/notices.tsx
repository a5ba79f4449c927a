import { createSignal, For, onCleanup, onMount } from 'solid-js';

/** A short message to the learner (a file that could not be opened, a copied link). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** A button next to the message, e.g. "Undo". */
  action?: { label: string; run(): void };
}

const [notices, setNotices] = createSignal<Notice[]>([]);
let counter = 0;

/** Shows a message for a few seconds (errors stay until dismissed); returns what takes it away early. */
export function notify(text: string, kind: Notice['kind'] = 'info', action?: Notice['action']): () => void {
  const id = ++counter;
  setNotices((list) => [...list, { id, kind, text, action }]);
  if (kind === 'info') setTimeout(() => dismiss(id), action ? 10_000 : 5000);
  return () => dismiss(id);
}

function dismiss(id: number): void {
  setNotices((list) => list.filter((notice) => notice.id !== id));
}

/** The corner where notices appear (a live region, so screen readers read them). */
export function Notices() {
  let corner!: HTMLDivElement;
  onMount(() => {
    const observer = new ResizeObserver(() => makeRoomFor(corner));
    observer.observe(corner);
    onCleanup(() => {
      observer.disconnect();
      document.documentElement.style.removeProperty('--notices-room');
    });
  });
  return (
    <div ref={corner} class="notices" role="status" aria-live="polite">
      <For each={notices()}>
        {(notice) => (
          <div class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
            <span>{notice.text}</span>
            {notice.action && (
              <button
                type="button"
                class="button"
                onClick={() => {
                  notice.action!.run();
                  dismiss(notice.id);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}

/**
 * The notices float over the bottom corner of the page, where its last things are (the Next
 * card): the page gets as much room below its end as they take, so scrolled to the end they
 * cover nothing; a reader already at the end is kept there.
 */
function makeRoomFor(corner: HTMLElement): void {
  const root = document.documentElement;
  const atEnd = window.innerHeight + window.scrollY >= root.scrollHeight - 2;
  const height = corner.getBoundingClientRect().height;
  const room = height > 0 ? height + parseFloat(getComputedStyle(corner).bottom) : 0;
  root.style.setProperty('--notices-room', `${room}px`);
  if (atEnd && room > 0) window.scrollTo({ top: root.scrollHeight });
}
