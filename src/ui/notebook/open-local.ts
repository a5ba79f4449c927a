/** Opening a notebook from a file or a share link: check it parses, keep it, go to it. */
import { NotebookFormatError, parseNotebook } from '../../notebook/index.ts';
import { readNotebookFile } from '../../store/index.ts';
import { notebookDb } from '../app/storage.ts';
import { routeHash } from '../app/route.ts';
import { notify } from '../app/notices.tsx';
import { keepLocalNotebook } from './load-notebook.ts';

/**
 * Keeps `text` as a local notebook and returns its local id; throws the format error
 * (with file and line) when the text is not a notebook.
 */
export async function openNotebookText(text: string, fileName: string, origin: 'file' | 'link'): Promise<string> {
  const notebook = parseNotebook(text, fileName);
  return keepLocalNotebook(await notebookDb(), text, notebook.meta.title, origin);
}

/** Opens a picked or dropped file; problems are reported as notices. */
export async function openNotebookFile(file: File): Promise<void> {
  try {
    const text = await readNotebookFile(file);
    location.hash = routeHash({ page: 'local', id: await openNotebookText(text, file.name, 'file') });
  } catch (error) {
    const message = error instanceof NotebookFormatError ? `“${file.name}” is not a valid notebook: ${error.message}` : (error as Error).message;
    notify(message, 'error');
  }
}
