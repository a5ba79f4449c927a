import { createResource, Match, Switch } from 'solid-js';
import { readShare, ShareLinkError } from '../../store/index.ts';
import { NotebookFormatError } from '../../notebook/index.ts';
import { findNotebook } from '../catalog/catalog.ts';
import { openNotebookText } from './open-local.ts';
import { MessagePage } from './MessagePage.tsx';
import { NotebookPage } from './NotebookPage.tsx';

/**
 * A share link: its notebook is unpacked, kept as a local notebook, and shown (not run). The
 * address stays the link, so what the address bar shows opens the same notebook anywhere.
 */
export function SharedLinkPage(props: { payload: string; /** How to show it (view-link.ts). */ view?: string }) {
  const [opened] = createResource(
    () => props.payload,
    async (payload): Promise<{ id: string } | { problem: string }> => {
      try {
        const text = await readShare(payload, async (slug) => findNotebook(slug)?.load());
        return { id: await openNotebookText(text, 'shared.md', 'link') };
      } catch (error) {
        if (error instanceof ShareLinkError) return { problem: error.message };
        if (error instanceof NotebookFormatError) return { problem: `The link unpacked, but what it carries is not a valid notebook (${error.problem}, line ${error.line}). Ask for the link again.` };
        return { problem: `This link could not be opened: ${(error as Error).message}` };
      }
    },
  );
  return (
    <Switch fallback={<p class="loading">Opening the shared notebook…</p>}>
      <Match when={opened()} keyed>
        {(result) => ('id' in result ? <NotebookPage source={{ kind: 'local', id: result.id }} view={props.view} /> : <MessagePage title="This share link does not work" message={result.problem} />)}
      </Match>
    </Switch>
  );
}
