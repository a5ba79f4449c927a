/**
 * The app's one handle on saved notebooks: IndexedDB if the browser allows it, else memory.
 * `storageIssue` says why saving is not durable (shown in a banner; editing still works).
 */
import { createSignal } from 'solid-js';
import { LASTING_PROBLEMS, memoryDb, openIndexedDb, storageMessage, storageProblem, type NotebookDb, type StorageProblem } from '../../store/index.ts';

const [issue, setIssue] = createSignal<{ problem: StorageProblem; message: string } | undefined>();
/** A message for the learner when saving does not work, or undefined. */
export const storageIssue = (): string | undefined => issue()?.message;

function report(error: unknown, problem = storageProblem(error)): void {
  setIssue({ problem, message: storageMessage(problem, (error as Error)?.message) });
}

let opened: Promise<NotebookDb> | undefined;

/** The notebook store, opened on first use. */
export function notebookDb(): Promise<NotebookDb> {
  opened ??= openIndexedDb().catch((error: unknown) => {
    // Whatever the reason, the page goes on with a store in memory: say why.
    const problem = storageProblem(error);
    report(error, problem === 'other' || problem === 'quota' ? 'unavailable' : problem);
    return memoryDb();
  });
  return opened;
}

/** Records a failed save (full quota, revoked permission) so the page can say so. */
export function reportSaveError(error: unknown): void {
  report(error);
}

/** Clears the message after a save succeeds again. */
export function reportSaveOk(): void {
  const current = issue();
  if (current && !LASTING_PROBLEMS.includes(current.problem)) setIssue(undefined);
}
