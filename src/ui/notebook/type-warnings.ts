/**
 * The type errors of a notebook's cells, from the type-check worker (src/typecheck). The worker
 * (TypeScript and the cell declarations, a few MB) starts with the first check, which the page
 * asks for only after cells have run, so it never delays the first paint or the first figure.
 */
import { createSignal } from 'solid-js';
import type { CellSource } from '../../kernel/types.ts';
import type { TypeWarning } from '../../typecheck/cell-type-checker.ts';
import type { TypeCheckReply, TypeCheckRequest } from '../../typecheck/type-check-protocol.ts';
import TypeCheckWorker from '../../typecheck/type-check.worker.ts?worker';

export interface TypeWarningsStore {
  /** The type errors of a cell at the last check (none before the first). */
  warnings(cellId: string): TypeWarning[];
  /** Checks these sources (skipped when they are the ones checked last). */
  check(cells: CellSource[]): void;
  /** Drops the warnings shown: the sources run are known to be clean (see shipped-sources.ts). */
  clear(): void;
  dispose(): void;
}

const NONE: TypeWarning[] = [];

export function createTypeWarnings(): TypeWarningsStore {
  const [byCell, setByCell] = createSignal<Record<string, TypeWarning[]>>({});
  let worker: Worker | undefined;
  let latest = 0;
  let lastChecked = '';

  const receive = (event: MessageEvent<TypeCheckReply>) => {
    const reply = event.data;
    if (reply.id !== latest) return;
    // The warnings are extra help: if the checker breaks, the cells still run; say so in the console.
    if ('failed' in reply) console.warn(`The type check failed: ${reply.failed}`);
    else setByCell(reply.warnings);
  };

  return {
    warnings: (cellId) => byCell()[cellId] ?? NONE,
    check(cells) {
      const key = JSON.stringify(cells);
      if (key === lastChecked) return;
      lastChecked = key;
      if (!worker) {
        worker = new TypeCheckWorker();
        worker.addEventListener('message', receive);
      }
      const request: TypeCheckRequest = { id: ++latest, cells };
      worker.postMessage(request);
    },
    clear() {
      latest++; // a check still under way answers for older sources
      lastChecked = '';
      setByCell({});
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
    },
  };
}
