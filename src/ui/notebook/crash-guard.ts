/**
 * A cell that grows the heap without bound kills the sandbox frame's process (a page cannot cap
 * a worker's heap, and Chromium does not stop a worker at its limit: measured, `onerror` never
 * fires). Where that process is the page's own (the browser does not give sandboxed frames a
 * process of their own), the whole tab goes, and the next open would run the same cell and crash
 * again, for ever. (Where the frame has its own process, the page lives on and the executor
 * reports it: host/sandbox-executor.ts.)
 *
 * So while a cell has been running for LONG_RUN_MS, a marker naming it (with its source) is in
 * localStorage, which is written synchronously and survives a crashed renderer. It goes when the
 * run ends, or when the page is left normally. A marker found on open means the tab died during
 * that run: the cell is held (not run on open; see KernelSession.hold) and says why.
 */
import type { CellError, CellSource } from '../../kernel/types.ts';
import { localStore, type KeyValueStore } from '../../store/local-store.ts';

/** Runs shorter than this do not write the marker: a crash from memory growth takes far longer. */
const LONG_RUN_MS = 2000;
const PREFIX = 'stepwise:running:';

interface RunMarker {
  cellId: string;
  source: string;
}

export interface CrashGuard {
  /** A cell started running this source. */
  runStarted(cellId: string, source: string | undefined): void;
  /** The cell's run ended (done, failed, stopped). */
  runEnded(cellId: string): void;
  /** The cell the tab died running on the last visit, if it is still as it was then. Forgets the marker. */
  crashedLastVisit(cells: CellSource[]): CellSource | undefined;
  dispose(): void;
}

/** What a held cell shows in place of its run. */
export const CRASHED_LAST_VISIT: CellError = {
  kind: 'crash',
  message:
    'The tab stopped while this cell was running on your last visit, most likely because the kernel ran out of memory (a browser tab cannot limit one cell\'s memory, so the whole tab went). It was not run again on opening, and nor were the cells that read it; your edits are kept. Change it to use less memory, or run it (Shift+Enter) to try again.',
};

export function createCrashGuard(notebookKey: string, storage: KeyValueStore | undefined = localStore()): CrashGuard {
  const key = PREFIX + notebookKey;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: string | undefined;
  let marked = false;
  const write = (marker: RunMarker) => {
    try {
      storage?.setItem(key, JSON.stringify(marker));
      marked = true;
    } catch {
      // Storage full or refused: the guard is lost, nothing else.
    }
  };
  const forget = () => {
    try {
      storage?.removeItem(key);
    } catch {
      // as above
    }
  };
  const clear = () => {
    clearTimeout(timer);
    timer = undefined;
    running = undefined;
    if (marked) forget();
    marked = false;
  };
  // Leaving the page (reload, close, navigation) is not a crash.
  const onPageHide = () => clear();
  globalThis.addEventListener?.('pagehide', onPageHide);

  return {
    runStarted(cellId, source) {
      clear();
      if (source === undefined) return;
      running = cellId;
      timer = setTimeout(() => write({ cellId, source }), LONG_RUN_MS);
    },
    runEnded(cellId) {
      if (running === cellId) clear();
    },
    crashedLastVisit(cells) {
      const marker = readMarker(storage, key);
      if (!marker) return undefined;
      forget();
      return cells.find((cell) => cell.id === marker.cellId && cell.source === marker.source);
    },
    dispose() {
      clear();
      globalThis.removeEventListener?.('pagehide', onPageHide);
    },
  };
}

function readMarker(storage: KeyValueStore | undefined, key: string): RunMarker | undefined {
  try {
    const value = JSON.parse(storage?.getItem(key) ?? 'null') as Partial<RunMarker> | null;
    return typeof value?.cellId === 'string' && typeof value.source === 'string' ? { cellId: value.cellId, source: value.source } : undefined;
  } catch {
    return undefined; // unreadable: as if there were none
  }
}
