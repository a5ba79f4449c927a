import { Show } from 'solid-js';
import { downloadText, notebookFileName } from '../../store/index.ts';
import type { KernelStore } from './kernel-store.ts';
import type { NotebookDoc } from './notebook-doc.ts';
import type { LoadedNotebook } from './load-notebook.ts';

/** What the learner should know about this notebook: edited copy, changed original, untrusted code, another tab's save, dead kernel. */
export function NotebookBanners(props: { doc: NotebookDoc; kernel: KernelStore; loaded: LoadedNotebook; untrusted: boolean; onRunAll: () => void }) {
  const damagedFileName = () => notebookFileName(`${props.loaded.source.kind === 'site' ? props.loaded.source.slug : props.doc.notebook().meta.title} damaged copy`);
  return (
    <div class="banners">
      <Show when={props.untrusted}>
        <div class="banner banner-info" role="note">
          This notebook came from {props.loaded.origin === 'link' ? 'a shared link' : 'a file'}, so nothing has run yet. Read the code first; when you trust it,{' '}
          <button type="button" class="link-button" onClick={props.onRunAll}>
            run all cells
          </button>
          .
        </div>
      </Show>
      <Show when={props.doc.originalChanged()}>
        <div class="banner banner-warning" role="note">
          The original of this notebook changed since you started editing your copy. “Reset” gives you the new version (download your copy first to keep your edits).
        </div>
      </Show>
      <Show when={props.doc.edited() && !props.doc.originalChanged()}>
        <div class="banner banner-quiet" role="note" data-testid="edited-banner">
          Edited: your changes are saved in this browser. “Reset” returns to the {props.loaded.origin === 'repo' ? 'original' : 'version you opened'}.
        </div>
      </Show>
      <Show when={props.loaded.damagedCopy}>
        {(damaged) => (
          <div class="banner banner-warning" role="alert" data-testid="damaged-copy-banner">
            Your saved copy of this notebook could not be read ({damaged().problem}), so the {props.loaded.origin === 'repo' ? 'original' : 'version you opened'} is shown.{' '}
            <button type="button" class="link-button" onClick={() => downloadText(damagedFileName(), damaged().text)}>
              Download the damaged copy
            </button>{' '}
            to recover what is in it; your next edit replaces it.
          </div>
        )}
      </Show>
      <Show when={props.doc.conflict()}>
        <div class="banner banner-warning" role="alert" data-testid="other-tab-banner">
          This notebook was also changed and saved in another tab, while this tab has changes of its own. Which version should stay?{' '}
          <button type="button" class="link-button" onClick={() => props.doc.keepThisTab()}>
            Keep this tab’s
          </button>{' '}
          or{' '}
          <button type="button" class="link-button" onClick={() => props.doc.takeOtherTab()}>
            take the other tab’s
          </button>{' '}
          (download this one first to keep both).
        </div>
      </Show>
      <Show when={props.kernel.status() === 'dead'}>
        <div class="banner banner-error" role="alert">
          {props.kernel.statusMessage() ?? 'The kernel stopped.'} Use “Restart” to start a fresh one.
        </div>
      </Show>
    </div>
  );
}
