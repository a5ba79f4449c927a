import { createResource, Match, Switch } from 'solid-js';
import { notebookDb } from '../app/storage.ts';
import { findNotebook } from '../catalog/catalog.ts';
import { loadNotebook, type NotebookSource } from './load-notebook.ts';
import { MessagePage } from './MessagePage.tsx';
import { NotebookView } from './NotebookView.tsx';

/** A notebook route: loads the text (saved copy or original), then shows the notebook. */
export function NotebookPage(props: { source: NotebookSource; /** How to show it: the address's `?…` (view-link.ts). */ view?: string }) {
  // A notebook of the site runs on open: the sandbox's runtime (1.6 MB) is fetched now, while the
  // text loads and the prose renders. Asked for by the kernel after the prose had painted, it came
  // after a chain of chunks (k-means, first visit: ~2 s after the page opened). Starting the
  // sandbox's frame now too made the prose ~0.2 s later (its process competes for the two cores).
  if (props.source.kind === 'site') void import('virtual:stepwise-runtime').then(({ default: loadRuntime }) => loadRuntime());
  const [result] = createResource(
    () => props.source,
    async (source) => loadNotebook(await notebookDb(), source, findNotebook),
  );
  return (
    <Switch fallback={<p class="loading">Loading the notebook…</p>}>
      <Match when={result.error}>
        <MessagePage title="This notebook could not be loaded" message={String((result.error as Error)?.message ?? result.error)} />
      </Match>
      <Match when={result()} keyed>
        {(loaded) => (loaded.ok ? <NotebookView loaded={loaded.loaded} view={props.view} /> : <MessagePage title={loaded.title} message={loaded.message} />)}
      </Match>
    </Switch>
  );
}
