import { createResource, Show } from 'solid-js';
import { decodeShare, ShareLinkError } from '../../store/index.ts';
import { NotebookFormatError } from '../../notebook/index.ts';
import { openNotebookText } from './open-local.ts';
import { MessagePage } from './MessagePage.tsx';

/** A share link: its notebook is unpacked, kept as a local notebook, and shown (not run). */
export function SharedLinkPage(props: { payload: string }) {
  const [problem] = createResource(
    () => props.payload,
    async (payload) => {
      try {
        const text = decodeShare(payload);
        location.replace(await openNotebookText(text, 'shared.md', 'link'));
        return undefined;
      } catch (error) {
        if (error instanceof ShareLinkError) return error.message;
        if (error instanceof NotebookFormatError) return `The link unpacked, but what it carries is not a valid notebook (${error.problem}, line ${error.line}). Ask for the link again.`;
        return `This link could not be opened: ${(error as Error).message}`;
      }
    },
  );
  return (
    <Show when={problem()} fallback={<p class="loading">Opening the shared notebook…</p>}>
      <MessagePage title="This share link does not work" message={problem()!} />
    </Show>
  );
}
