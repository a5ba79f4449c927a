import { createEffect, Match, on, Switch, Show } from 'solid-js';
import { useRoute } from './use-route.ts';
import { IndexPage } from '../index-page/IndexPage.tsx';
import { NotebookPage } from '../notebook/NotebookPage.tsx';
import { SharedLinkPage } from '../notebook/SharedLinkPage.tsx';
import { DropToOpen } from '../notebook/DropToOpen.tsx';
import { MessagePage } from '../notebook/MessagePage.tsx';
import { storageIssue } from './storage.ts';

/** The whole app: one page per route, a storage warning when saving does not work. */
export function App() {
  const route = useRoute();
  // A new page starts at its top (the hash router would otherwise keep the old scroll offset).
  createEffect(on(route, () => window.scrollTo(0, 0), { defer: true }));
  return (
    <DropToOpen>
      <Show when={storageIssue()}>
        <div class="banner banner-warning" role="status">
          {storageIssue()}
        </div>
      </Show>
      <Switch>
        <Match when={route().page === 'index'}>
          <IndexPage query={(route() as { query?: string }).query ?? ''} />
        </Match>
        <Match when={route().page === 'unknown'}>
          <MessagePage title="Page not found" message={`Nothing is at “${(route() as { hash: string }).hash}”: the address may have been cut off or mistyped. The index lists every notebook.`} />
        </Match>
        <Match when={route().page === 'shared' && route()} keyed>
          {(r) => r.page === 'shared' && <SharedLinkPage payload={r.payload} view={r.view} />}
        </Match>
        <Match when={(route().page === 'notebook' || route().page === 'local') && route()} keyed>
          {(r) => (r.page === 'notebook' ? <NotebookPage source={{ kind: 'site', slug: r.slug }} view={r.view} /> : r.page === 'local' ? <NotebookPage source={{ kind: 'local', id: r.id }} view={r.view} /> : null)}
        </Match>
      </Switch>
    </DropToOpen>
  );
}
