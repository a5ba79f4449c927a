import { createEffect, createMemo, createSignal, For, on, onMount, Show } from 'solid-js';
import { siteNotebooks } from '../catalog/catalog.ts';
import { bestMatch, filterCatalog, groupCatalog } from '../catalog/order.ts';
import { routeHash } from '../app/route.ts';
import { OpenFileButton } from '../notebook/OpenFileButton.tsx';
import { YourNotebooks } from './YourNotebooks.tsx';

/**
 * The list of notebooks, grouped, with a search over titles, summaries and tags. The search is
 * kept in the address (`#/?q=…`), so a reload or Back shows the same list; Enter opens the best match
 * (see bestMatch).
 */
export function IndexPage(props: { query: string }) {
  const [query, setQuery] = createSignal(props.query);
  // The address changed (Back, or typed): show its search.
  createEffect(on(() => props.query, (fromAddress) => setQuery(fromAddress), { defer: true }));
  onMount(() => (document.title = 'Stepwise'));
  const groups = createMemo(() => groupCatalog(filterCatalog(siteNotebooks, query())));
  const search = (text: string) => {
    setQuery(text);
    // Replaced, not pushed: Back leaves the index rather than stepping through every keystroke.
    history.replaceState(history.state, '', routeHash({ page: 'index', query: text.trim() === '' ? undefined : text }));
  };
  const openFirstMatch = () => {
    const best = bestMatch(groups().flatMap((group) => group.entries), query());
    if (best) location.hash = routeHash({ page: 'notebook', slug: best.slug });
  };
  return (
    <main class="index-page">
      <header class="index-header">
        <h1>Stepwise</h1>
        <p class="lede">Machine learning, one runnable step at a time. Every notebook runs in your browser: move a slider, edit the code, step through the algorithm.</p>
        <div class="index-tools">
          <label class="search">
            <span class="visually-hidden">Search notebooks</span>
            <input
              type="search"
              placeholder="Search by title, summary or tag"
              value={query()}
              onInput={(e) => search(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  openFirstMatch();
                }
              }}
            />
          </label>
          <OpenFileButton />
        </div>
      </header>
      <YourNotebooks />
      <Show when={groups().length > 0} fallback={<p class="empty">No notebook matches “{query()}”.</p>}>
        <For each={groups()}>
          {(group) => (
            <section class="index-group">
              <h2>{group.name === '' ? 'Start here' : group.name}</h2>
              <ul class="cards">
                <For each={group.entries}>
                  {(entry) => (
                    <li class="card" classList={{ broken: entry.error !== undefined }}>
                      <a href={routeHash({ page: 'notebook', slug: entry.slug })}>
                        <h3>{entry.title}</h3>
                        <Show when={entry.summary}>
                          <p>{entry.summary}</p>
                        </Show>
                        <Show when={entry.error}>
                          <p class="card-error">Cannot be read: {entry.error}</p>
                        </Show>
                      </a>
                      <Show when={entry.tags.length > 0}>
                        <ul class="tags" aria-label="Tags">
                          <For each={entry.tags}>
                            {(tag) => (
                              <li>
                                <button type="button" class="tag" onClick={() => search(tag)} title={`Show notebooks tagged ${tag}`}>
                                  {tag}
                                </button>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </main>
  );
}
