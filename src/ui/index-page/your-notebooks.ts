/**
 * "Your notebooks" on the index page: the notebooks opened from a file or a link that this
 * browser keeps (`local:` records of the store), newest first. Pure: records in, list out.
 */
import { localKey, type SavedNotebook } from '../../store/index.ts';

export interface YourNotebook {
  /** The id of its route, `#/local/<id>`. */
  id: string;
  key: string;
  title: string;
  /** Where it came from, as the list says it. */
  from: string;
  /** Date.now() of its last save (when it was opened, if it was never edited). */
  savedAt: number;
  /** The record as kept, to put back if a deletion is undone. */
  record: SavedNotebook;
}

const FROM: Record<string, string> = { file: 'From a file', link: 'From a link' };

export function yourNotebooks(records: SavedNotebook[]): YourNotebook[] {
  const prefix = localKey('');
  return records
    .filter((record) => typeof record?.key === 'string' && record.key.startsWith(prefix))
    .map((record) => ({
      id: record.key.slice(prefix.length),
      key: record.key,
      // A damaged record is still listed, so it can be opened (load-notebook says what is wrong) or deleted.
      title: typeof record.title === 'string' && record.title.trim() !== '' ? record.title : 'Untitled notebook',
      from: FROM[record.origin] ?? 'Opened here',
      savedAt: typeof record.savedAt === 'number' && Number.isFinite(record.savedAt) ? record.savedAt : 0,
      record,
    }))
    .sort((a, b) => b.savedAt - a.savedAt || a.title.localeCompare(b.title));
}
