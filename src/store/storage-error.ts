/** Why saving failed, in words a learner can act on. */
export type StorageProblem = 'unavailable' | 'quota' | 'newer-version' | 'blocked' | 'other';

/** Problems that last for the page's life: a later successful save does not clear them. */
export const LASTING_PROBLEMS: readonly StorageProblem[] = ['unavailable', 'newer-version', 'blocked'];

/** Classifies an IndexedDB failure (QuotaExceededError, SecurityError in private modes, …). */
export function storageProblem(error: unknown): StorageProblem {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError') return 'quota';
  // The saved data was written by a newer Stepwise (a newer tab, or a downgrade).
  if (name === 'VersionError') return 'newer-version';
  if (name === 'BlockedError') return 'blocked';
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError' || name === 'NotSupportedError') return 'unavailable';
  return 'other';
}

/** The message shown to the learner for a storage problem. */
export function storageMessage(problem: StorageProblem, detail?: string): string {
  switch (problem) {
    case 'quota':
      return 'The browser’s storage is full, so your edits are not being saved. Download the notebook to keep them, or free space by resetting notebooks you no longer need.';
    case 'newer-version':
      return 'Your saved notebooks were written by a newer version of Stepwise (open in another tab?), so this page cannot read or save them: reload to get the newer version. Until then edits last only until the page closes; use Download to keep them.';
    case 'blocked':
      return 'Another Stepwise tab holds the saved notebooks open with an older version and blocks the upgrade: close or reload the other tabs, then reload this one. Until then edits last only until the page closes.';
    case 'unavailable':
      return 'This browser does not let Stepwise store data (private window or storage disabled), so edits last only until the page closes. Use Download to keep them.';
    case 'other':
      return `Saving failed${detail ? ` (${detail})` : ''}; your edits are kept in this page for now. Use Download to keep a copy.`;
  }
}
