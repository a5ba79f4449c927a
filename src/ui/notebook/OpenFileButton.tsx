import { openNotebookFile } from './open-local.ts';

/** "Open": picks a .md notebook file and opens it as a new notebook in this browser. */
export function OpenFileButton(props: { class?: string }) {
  let input!: HTMLInputElement;
  return (
    <>
      <button type="button" class={props.class ?? 'button'} onClick={() => input.click()} title="Open a .md notebook file (or drop one on the page)">
        Open
      </button>
      <input
        ref={input}
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
    </>
  );
}
