import { createSignal, For, Show } from 'solid-js';
import { downloadText, notebookFileName, shareUrl } from '../../store/index.ts';
import { routeHash } from '../app/route.ts';
import { notify } from '../app/notices.tsx';
import { createNotebookFilePicker, OPEN_FILE_TITLE } from './OpenFileButton.tsx';
import { OverflowMenu, type ToolbarAction } from './OverflowMenu.tsx';
import { SHORTCUTS } from './shortcuts.ts';
import type { KernelStore } from './kernel-store.ts';
import type { NotebookDoc } from './notebook-doc.ts';
import type { LoadedNotebook } from './load-notebook.ts';
import type { CodeView } from './code-view.ts';
import type { KeptControls } from './kept-controls.ts';

/**
 * The notebook's toolbar: run, interrupt, restart, add, reset, share, download, open; on a narrow
 * screen the secondary actions are in its More menu, so it stays one row.
 */
export function NotebookToolbar(props: {
  doc: NotebookDoc;
  kernel: KernelStore;
  loaded: LoadedNotebook;
  codeView: CodeView;
  keptControls: KeptControls;
  onRunAll: () => void;
  onAddCell: () => void;
  onAddText: () => void;
  onPresent: () => void;
}) {
  const [link, setLink] = createSignal<string | undefined>();
  const busy = () => props.kernel.status() === 'busy';

  const share = async () => {
    await props.doc.flush();
    // A notebook of the site is shared as its edits (a short link); others as their whole text.
    const source = props.loaded.source;
    const base = source.kind === 'site' ? { slug: source.slug, originalText: props.loaded.originalText } : undefined;
    const url = await shareUrl(props.doc.text(), location, base);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      notify('Share link copied to the clipboard.');
    } catch {
      notify('Copy the link from the box below the toolbar.');
    }
  };
  const reset = async () => {
    const what = props.loaded.origin === 'repo' ? 'the original notebook' : 'the notebook as it was opened';
    const lost = props.doc.edited() || props.doc.originalChanged() ? 'Your edits to this notebook will be lost (download it first to keep them), and its controls go back to their defaults.' : 'Its controls go back to their defaults.';
    if (!confirm(`Reset to ${what}? ${lost}`)) return;
    await props.doc.reset();
    props.onRunAll();
  };
  const fileName = () =>
    notebookFileName(props.loaded.source.kind === 'site' ? props.loaded.source.slug : props.doc.notebook().meta.title);

  const picker = createNotebookFilePicker();
  // Below 44rem the "narrow" actions, below 58rem also the "medium" ones, leave the toolbar for
  // the More menu (notebook.css), so the sticky toolbar stays one row on a phone.
  const editActions: ToolbarAction[] = [
    { label: 'Interrupt', title: 'Stop the running cell (Ctrl/⌘+.)', disabled: () => !busy(), run: () => void props.kernel.interrupt(), fold: 'narrow' },
    { label: 'Restart', title: 'Clear all values and start a fresh kernel', run: () => void props.kernel.restart(), fold: 'narrow' },
    { label: 'Add cell', title: 'Add a code cell after the current one', run: () => props.onAddCell(), fold: 'narrow' },
    { label: 'Add text', title: 'Add a block of Markdown text (with $math$) after the current one', run: () => props.onAddText(), fold: 'narrow' },
  ];
  const fileActions: ToolbarAction[] = [
    {
      label: 'Reset',
      name: 'Reset notebook',
      title: 'Go back to the original notebook, or to the file as opened, with the controls at their defaults (your edits are lost)',
      disabled: () => !props.doc.edited() && !props.doc.originalChanged() && !props.keptControls.any(),
      run: () => void reset(),
      fold: 'medium',
    },
    { label: 'Share', run: () => void share(), fold: 'medium' },
    { label: 'Download', run: () => downloadText(fileName(), props.doc.text()), fold: 'medium' },
    { label: 'Open', title: OPEN_FILE_TITLE, run: picker.pick, fold: 'medium' },
  ];
  // A view setting, not an edit: the notebook is not marked edited (code-view.ts).
  const viewActions: ToolbarAction[] = [
    { label: 'Outputs only', title: 'Hide all code: prose, outputs and controls only (Alt+Shift+H)', pressed: props.codeView.hidden, run: props.codeView.toggle, fold: 'medium' },
    { label: 'Present', title: 'Present the notebook as slides, one per section (Alt+Shift+P)', run: props.onPresent, fold: 'medium' },
  ];

  return (
    <div class="toolbar-wrap">
      <nav class="toolbar" aria-label="Notebook">
        <a class="toolbar-home" href={routeHash({ page: 'index' })} title="All notebooks">
          Stepwise
        </a>
        <div class="toolbar-group">
          <button type="button" class="button primary" onClick={props.onRunAll}>
            Run all
          </button>
          <ToolbarButtons actions={editActions} />
        </div>
        <div class="toolbar-group fold-medium">
          <ToolbarButtons actions={fileActions} />
        </div>
        {picker.input}
        <KernelStatusBadge kernel={props.kernel} />
        {/* Icons, in a tight pair beside the shortcuts': the row of buttons has no room for more words at 1366 px. */}
        <span class="toolbar-view">
          <button
            type="button"
            class="icon-button toolbar-toggle fold-medium"
            aria-label="Outputs only"
            aria-pressed={props.codeView.hidden()}
            title={viewActions[0].title}
            onClick={() => props.codeView.toggle()}
          >
            <span aria-hidden="true">{'</>'}</span>
          </button>
          <button type="button" class="icon-button toolbar-toggle toolbar-present fold-medium" aria-label="Present" title={viewActions[1].title} onClick={() => props.onPresent()}>
            <svg aria-hidden="true" viewBox="0 0 16 16" width="15" height="15" fill="none" stroke="currentColor" stroke-width="1.4">
              <rect x="1.5" y="2" width="13" height="8.5" rx="1" />
              <path d="M8 10.5v3M5 14h6" />
            </svg>
          </button>
        </span>
        <details class="shortcuts">
          <summary title="Keyboard shortcuts" aria-label="Keyboard shortcuts">⌨</summary>
          <dl>
            <For each={SHORTCUTS}>
              {(shortcut) => (
                <>
                  <dt>
                    <kbd>{shortcut.keys}</kbd>
                  </dt>
                  <dd>{shortcut.action}</dd>
                </>
              )}
            </For>
          </dl>
        </details>
        <OverflowMenu actions={[...editActions, ...viewActions, ...fileActions]} />
      </nav>
      <Show when={link()}>
        <div class="share-box">
          <label>
            Share link (opens this notebook as you see it):
            <input type="text" readOnly value={link()} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
          </label>
          <button type="button" class="icon-button" aria-label="Close share link" onClick={() => setLink(undefined)}>
            ×
          </button>
        </div>
      </Show>
    </div>
  );
}

/** The toolbar's own buttons for these actions (hidden by CSS where the More menu has them). */
function ToolbarButtons(props: { actions: ToolbarAction[] }) {
  return (
    <For each={props.actions}>
      {(action) => (
        <button type="button" class={`button fold-${action.fold}`} onClick={() => action.run()} disabled={action.disabled?.()} aria-pressed={action.pressed?.()} title={action.title} aria-label={action.name}>
          {action.label}
        </button>
      )}
    </For>
  );
}

const STATUS_TEXT: Record<string, string> = {
  'not-started': 'Not started',
  starting: 'Starting…',
  ready: 'Ready',
  busy: 'Running…',
  restarting: 'Restarting…',
  dead: 'Stopped',
};

function KernelStatusBadge(props: { kernel: KernelStore }) {
  return (
    <span class={`kernel-status kernel-${props.kernel.status()}`} role="status" title={`Kernel: ${STATUS_TEXT[props.kernel.status()]} ${props.kernel.statusMessage() ?? ''}`}>
      <span class="visually-hidden">Kernel: </span>
      <span class="dot" aria-hidden="true" />
      <span class="kernel-status-text">{STATUS_TEXT[props.kernel.status()]}</span>
    </span>
  );
}
