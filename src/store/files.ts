/** Download and open of notebook files (.md, the same format as the repository's). */
import { decodeUtf8 } from '../notebook/decode.ts';

/** The largest notebook Stepwise opens, from a file or a share link: a notebook is a few kB of text. */
export const MAX_NOTEBOOK_BYTES = 5_000_000;

/** A file name for a notebook: its slug, or its title made file-safe. */
export function notebookFileName(slugOrTitle: string): string {
  const base = slugOrTitle
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${base === '' ? 'notebook' : base}.md`;
}

/** Starts a browser download of `text` as `fileName`. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file the learner picked or dropped; refuses what is clearly not a notebook. */
export async function readNotebookFile(file: File): Promise<string> {
  if (!/\.(md|markdown|txt)$/i.test(file.name)) {
    throw new Error(`"${file.name}" is not a notebook: open a .md file (as saved by Download).`);
  }
  if (file.size > MAX_NOTEBOOK_BYTES) {
    throw new Error(`"${file.name}" is ${(file.size / 1e6).toFixed(1)} MB; a notebook is plain text of a few kB. Is it the right file?`);
  }
  // Decoded strictly: a file in another encoding is refused with the line of its first bad
  // byte, as the headless runner does, instead of opening full of U+FFFD.
  return decodeUtf8(new Uint8Array(await file.arrayBuffer()), file.name);
}
