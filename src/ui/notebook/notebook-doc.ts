/**
 * The notebook being edited: the parsed notebook as a signal, every edit saved to the browser's
 * storage within a second, and reset to the original. Another tab's save of the same notebook
 * is taken over when this tab has no change of its own since its last save, and otherwise
 * offered as a choice (`conflict`): no tab overwrites another's edits silently.
 */
import { createSignal, type Accessor } from 'solid-js';
import { codeCells, parseNotebook, serializeNotebook, type Notebook } from '../../notebook/index.ts';
import { clearJournal, contentHash, createAutosaver, openSaveChannel, writeJournal, type NotebookDb, type SavedNotebook } from '../../store/index.ts';
import type { CellSource } from '../../kernel/types.ts';
import { reportSaveError, reportSaveOk } from '../app/storage.ts';
import type { LoadedNotebook } from './load-notebook.ts';
import { applyDrafts } from './drafts.ts';

export interface NotebookDoc {
  notebook: Accessor<Notebook>;
  /** The notebook differs from its original. */
  edited: Accessor<boolean>;
  /** The site's original changed after the learner's copy was made (until reset). */
  originalChanged: Accessor<boolean>;
  /** Applies an edit (a function from src/notebook's edit API) and schedules a save. */
  edit(change: (nb: Notebook) => Notebook): void;
  /** Back to the original text; the saved copy is deleted. */
  reset(): Promise<void>;
  /** How many times the notebook was reset (what was shown before is gone). */
  resets: Accessor<number>;
  /** How many times another tab's saved version replaced this one (the cells need a run). */
  replacements: Accessor<number>;
  /** Another tab saved this notebook while this tab had unsaved changes of its own. */
  conflict: Accessor<boolean>;
  /** Resolves a conflict: take the other tab's version (this tab's changes are dropped). */
  takeOtherTab(): void;
  /** Resolves a conflict: keep this tab's version, saved over the other tab's. */
  keepThisTab(): void;
  /** The notebook's text in the file format. */
  text(): string;
  /** The code cells as the kernel takes them. */
  cellSources(): CellSource[];
  /** Saves any pending edit now. */
  flush(): Promise<void>;
  dispose(): void;
}

export function createNotebookDoc(loaded: LoadedNotebook, db: NotebookDb): NotebookDoc {
  const [notebook, setNotebook] = createSignal(loaded.notebook);
  const [edited, setEdited] = createSignal(loaded.edited);
  const [originalChanged, setOriginalChanged] = createSignal(loaded.originalChanged);
  const [resets, setResets] = createSignal(0);
  const [replacements, setReplacements] = createSignal(0);
  const [otherTabText, setOtherTabText] = createSignal<string | undefined>();
  const channel = openSaveChannel();
  let disposed = false;
  const originalHash = contentHash(loaded.originalText);
  // A copy keeps the hash of the original it was made from, so a later change of the file shows.
  let copyOfHash = loaded.copyOf;

  const recordOf = (text: string): SavedNotebook => ({
    key: loaded.key, text, originalHash: copyOfHash, origin: loaded.origin, title: notebook().meta.title, savedAt: Date.now(),
    originalText: loaded.origin === 'repo' ? undefined : loaded.originalText,
  });
  const text = () => serializeNotebook(notebook());
  /** The text this tab last saved, or took from storage or from another tab. */
  let synced = text();
  const saver = createAutosaver(
    async (saved) => {
      if (saved === loaded.originalText && loaded.origin === 'repo') await db.delete(loaded.key);
      else await db.put(recordOf(saved));
      // The notebook as it is now is committed: any journal (this tab's or one a closed tab left)
      // is older and must not win on the next load. Not so while a newer edit is still pending.
      // A store in memory does not outlive the page, so there the journal is the copy that lasts.
      if (db.inMemory) writeJournal(recordOf(saved));
      else if (saved === text()) clearJournal(loaded.key);
      synced = saved;
      channel.announce(loaded.key, saved);
      reportSaveOk();
    },
    { onError: reportSaveError },
  );
  // The IndexedDB save started here may not commit if the page is unloading: the journal (written
  // synchronously) keeps the edit for the next load. Hidden also covers mobile, where pagehide may not fire.
  const keepUnsaved = () => {
    const unsaved = saver.unsaved();
    if (unsaved !== undefined) writeJournal(recordOf(unsaved));
    void saver.flush();
  };
  const onHide = () => {
    applyDrafts();
    keepUnsaved();
  };
  const onVisibility = () => document.visibilityState === 'hidden' && onHide();
  const replaceWith = (saved: string) => {
    saver.cancel();
    synced = saved;
    setOtherTabText(undefined);
    setNotebook(parseNotebook(saved, loaded.notebook.file));
    setEdited(saved !== loaded.originalText);
    setReplacements((count) => count + 1);
  };
  channel.onSave((key, saved) => {
    if (disposed || key !== loaded.key || saved === text()) return;
    if (text() === synced && saver.unsaved() === undefined) replaceWith(saved);
    else setOtherTabText(saved);
  });
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);

  return {
    notebook,
    edited,
    originalChanged,
    edit(change) {
      // A closed notebook takes no edits (an Undo notice can outlive its page).
      if (disposed) return;
      const next = change(notebook());
      if (next === notebook()) return;
      setNotebook(next);
      const written = serializeNotebook(next);
      setEdited(written !== loaded.originalText);
      saver.schedule(written);
    },
    async reset() {
      saver.cancel();
      copyOfHash = originalHash;
      setNotebook(parseNotebook(loaded.originalText, loaded.notebook.file));
      setEdited(false);
      setOriginalChanged(false);
      setResets((count) => count + 1);
      // Journalled first, like an edit: a reload before the write below commits still resets.
      writeJournal(recordOf(loaded.originalText));
      synced = loaded.originalText;
      setOtherTabText(undefined);
      try {
        if (loaded.origin === 'repo') await db.delete(loaded.key);
        else await db.put(recordOf(loaded.originalText));
        clearJournal(loaded.key);
        channel.announce(loaded.key, loaded.originalText);
      } catch (error) {
        reportSaveError(error);
      }
    },
    text,
    cellSources: () => codeCells(notebook()).map((cell) => ({ id: cell.id, source: cell.source })),
    flush: () => saver.flush(),
    resets,
    replacements,
    conflict: () => otherTabText() !== undefined,
    takeOtherTab() {
      const other = otherTabText();
      if (other !== undefined) replaceWith(other);
    },
    keepThisTab() {
      setOtherTabText(undefined);
      saver.schedule(text());
    },
    dispose() {
      // Leaving for another notebook: an edit whose save has not committed (or failed) is journalled.
      keepUnsaved();
      disposed = true;
      saver.dispose();
      channel.close();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
