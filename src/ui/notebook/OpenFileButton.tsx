import type { JSX } from 'solid-js';
import { openNotebookFile } from './open-local.ts';

/** A hidden input for a .md notebook file, and `pick` to open the file chooser on it. */
export function createNotebookFilePicker(): { input: JSX.Element; pick: () => void } {
  let element!: HTMLInputElement;
  const input = (
    <input
      ref={element}
      type="file"
      accept=".md,.markdown,text/markdown"
      class="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid="open-file"
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = '';
        if (file) void openNotebookFile(file);
      }}
    />
  );
  return { input, pick: () => element.click() };
}

/** "Open": picks a .md notebook file and opens it as a new notebook in this browser. */
export function OpenFileButton(props: { class?: string }) {
  const picker = createNotebookFilePicker();
  return (
    <>
      <button type="button" class={props.class ?? 'button'} onClick={picker.pick} title={OPEN_FILE_TITLE}>
        Open
      </button>
      {picker.input}
    </>
  );
}

export const OPEN_FILE_TITLE = 'Open a .md notebook file (or drop one on the page)';
