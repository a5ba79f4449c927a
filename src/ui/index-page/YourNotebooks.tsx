import { createResource, For, Show } from 'solid-js';
import { clearJournal, clearSettings, pictureDb } from '../../store/index.ts';
import { notebookDb, reportSaveError } from '../app/storage.ts';
import { routeHash } from '../app/route.ts';
import { notify } from '../app/notices.tsx';
import { yourNotebooks, type YourNotebook } from './your-notebooks.ts';

/**
 * The notebooks this browser keeps from files and links, to reopen or delete (with Undo). Shown
 * only when there is one.
 */
export function YourNotebooks() {
  const [list, { refetch }] = createResource(async () => yourNotebooks(await (await notebookDb()).list('local:')));
  const remove = async (notebook: YourNotebook) => {
    const db = await notebookDb();
    try {
      await db.delete(notebook.key);
    } catch (error) {
      reportSaveError(error);
      notify(`“${notebook.title}” could not be deleted: ${(error as Error).message}`, 'error');
      return;
    }
    clearJournal(notebook.key);
    clearSettings(notebook.key);
    void pictureDb().then((pictures) => pictures?.delete(notebook.key));
    void refetch();
    notify(`“${notebook.title}” deleted.`, 'info', {
      label: 'Undo',
      run: () => void db.put(notebook.record).then(refetch, (error: unknown) => notify(`“${notebook.title}” could not be put back: ${(error as Error).message}`, 'error')),
    });
  };
  return (
    <Show when={(list() ?? []).length > 0}>
      <section class="index-group your-notebooks" aria-labelledby="your-notebooks">
        <h2 id="your-notebooks">Your notebooks</h2>
        <ul class="your-list">
          <For each={list()}>
            {(notebook) => (
              <li class="your-notebook">
                <a href={routeHash({ page: 'local', id: notebook.id })}>{notebook.title}</a>
                <span class="your-meta">
                  {notebook.from}
                  <Show when={notebook.savedAt > 0}>
                    {' · saved '}
                    <time dateTime={new Date(notebook.savedAt).toISOString()}>{formatWhen(notebook.savedAt)}</time>
                  </Show>
                </span>
                <button type="button" class="icon-button danger" aria-label={`Delete “${notebook.title}”`} title="Delete it from this browser" onClick={() => void remove(notebook)}>
                  ✕
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** "5 Dec 2026, 18:20" in the reader's language. */
function formatWhen(time: number): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
