/**
 * Saves the latest text shortly after the last edit (and at most `maxDelayMs` after the first
 * unsaved one, so a learner typing without pause still has their work saved within a second).
 * Saves never overlap: an edit during a save is saved right after it.
 */
export interface Autosaver {
  /** Marks `text` as the latest version to save. */
  schedule(text: string): void;
  /** Saves now whatever is pending (e.g. before the page hides). */
  flush(): Promise<void>;
  /** The latest text whose save has not completed yet (scheduled or in progress), if any. */
  unsaved(): string | undefined;
  /** Drops what is pending without saving it (the notebook was reset). */
  cancel(): void;
  dispose(): void;
}

export function createAutosaver(
  save: (text: string) => Promise<void>,
  options: { quietMs?: number; maxDelayMs?: number; onError?: (error: unknown) => void } = {},
): Autosaver {
  const quietMs = options.quietMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 800;
  let pending: string | undefined;
  let unsaved: string | undefined;
  let firstPendingAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    saving = saving.then(async () => {
      if (pending === undefined) return;
      const text = pending;
      pending = undefined;
      try {
        await save(text);
        if (unsaved === text) unsaved = undefined;
      } catch (error) {
        options.onError?.(error);
      }
    });
    return saving;
  };

  return {
    schedule(text) {
      if (pending === undefined) firstPendingAt = Date.now();
      pending = text;
      unsaved = text;
      if (timer !== undefined) clearTimeout(timer);
      const wait = Math.min(quietMs, Math.max(0, firstPendingAt + maxDelayMs - Date.now()));
      timer = setTimeout(() => void flush(), wait);
    },
    flush,
    unsaved: () => unsaved,
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      unsaved = undefined;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
