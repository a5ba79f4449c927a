import { createSignal, type JSX } from 'solid-js';
import { openNotebookFile } from './open-local.ts';
import { Notices } from '../app/notices.tsx';

/** Wraps the app: a .md file dropped anywhere opens as a new notebook. */
export function DropToOpen(props: { children: JSX.Element }) {
  const [over, setOver] = createSignal(false);
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  return (
    <div
      class="app-root"
      classList={{ 'drop-target': over() }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (event.relatedTarget === null) setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer?.files[0];
        if (file) void openNotebookFile(file);
      }}
    >
      {props.children}
      <Notices />
      <div class="drop-hint" aria-hidden="true">
        Drop a .md notebook to open it
      </div>
    </div>
  );
}
