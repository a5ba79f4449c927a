/**
 * The app's one handle on saved notebooks: IndexedDB if the browser allows it, else memory.
 * `storageIssue` says why saving is not durable (shown in a banner; editing still works).
 */
import { createSignal } from 'solid-js';
import { memoryDb, openIndexedDb, storageMessage, storageProblem, type NotebookDb } from '../../store/index.ts';

const [issue, setIssue] = createSignal<string | undefined>();
/** A message for the learner when saving does not work, or undefined. */
export const storageIssue = issue;

let opened: Promise<NotebookDb> | undefined;

/** The notebook store, opened on first use. */
export function notebookDb(): Promise<NotebookDb> {
  opened ??= openIndexedDb().catch((error: unknown) => {
    setIssue(storageMessage('unavailable', (error as Error)?.message));
    return memoryDb();
  });
  return opened;
}

/** Records a failed save (full quota, revoked permission) so the page can say so. */
export function reportSaveError(error: unknown): void {
  setIssue(storageMessage(storageProblem(error), (error as Error)?.message));
}

/** Clears the message after a save succeeds again. */
export function reportSaveOk(): void {
  if (issue() !== undefined && !issue()!.startsWith('This browser does not let')) setIssue(undefined);
}
