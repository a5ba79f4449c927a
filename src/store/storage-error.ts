/** Why saving failed, in words a learner can act on. */
export type StorageProblem = 'unavailable' | 'quota' | 'other';

/** Classifies an IndexedDB failure (QuotaExceededError, SecurityError in private modes, …). */
export function storageProblem(error: unknown): StorageProblem {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError' || name === 'NotSupportedError') return 'unavailable';
  return 'other';
}

/** The message shown to the learner for a storage problem. */
export function storageMessage(problem: StorageProblem, detail?: string): string {
  switch (problem) {
    case 'quota':
      return 'The browser’s storage is full, so your edits are not being saved. Download the notebook to keep them, or free space by resetting notebooks you no longer need.';
    case 'unavailable':
      return 'This browser does not let Stepwise store data (private window or storage disabled), so edits last only until the page closes. Use Download to keep them.';
    case 'other':
      return `Saving failed${detail ? ` (${detail})` : ''}; your edits are kept in this page for now. Use Download to keep a copy.`;
  }
}
