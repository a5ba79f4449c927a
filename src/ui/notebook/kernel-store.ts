/**
 * The page's handle on a notebook's kernel: loads it on demand (a separate chunk, so prose
 * paints first), and mirrors every cell's view and the kernel's status into Solid signals.
 */
import { batch, createSignal, type Accessor, type Setter } from 'solid-js';
import type { CellError, CellSource, CellView, ControlValue, KernelSession, KernelStatus } from '../../kernel/types.ts';
import type { CrashGuard } from './crash-guard.ts';
import { painted } from '../app/after-paint.ts';

export type KernelState = KernelStatus | 'not-started';

export interface KernelStore {
  status: Accessor<KernelState>;
  statusMessage: Accessor<string | undefined>;
  /** The view of a cell (undefined until the kernel has seen the cell). */
  view(cellId: string): CellView | undefined;
  /** The source each cell had when it was last sent to run (to mark edited-but-not-run cells). */
  ranSource(cellId: string): string | undefined;
  runAll(cells: CellSource[]): Promise<void>;
  run(cells: CellSource[], cellIds: string[]): Promise<void>;
  /** Keeps a cell from running until it is edited or run by name (KernelSession.hold). */
  hold(cellId: string, error: CellError): void;
  /** `onScreen`: the cells whose figures the learner sees (their inputs run first, see KernelSession.setControl). */
  setControl(cellId: string, name: string, value: ControlValue, onScreen?: readonly string[]): void;
  /** Starts controls from these values, by name, from the next run on (see KernelSession.restoreControls). */
  restoreControls(values: Record<string, ControlValue>): void;
  interrupt(): Promise<void>;
  restart(): Promise<void>;
  /** Starts loading the kernel without running anything. */
  warmUp(): void;
  /**
   * Resolves once the kernel's first runtime is ready for runs: long work on the page's thread no
   * longer delays the kernel's start (its boot needs the page to relay two messages).
   */
  runtimeReady(): Promise<void>;
  dispose(): void;
}

/** `guard` hears when each cell starts and stops running (crash-guard.ts). */
export function createKernelStore(guard?: CrashGuard): KernelStore {
  const views = new Map<string, [Accessor<CellView | undefined>, Setter<CellView | undefined>]>();
  const viewSignal = (id: string) => {
    let signal = views.get(id);
    if (!signal) {
      signal = createSignal<CellView | undefined>(undefined, { equals: false });
      views.set(id, signal);
    }
    return signal;
  };
  const [ran, setRan] = createSignal<Record<string, string>>({});
  const [status, setStatus] = createSignal<KernelState>('not-started');
  const [statusMessage, setStatusMessage] = createSignal<string | undefined>();
  let session: Promise<KernelSession> | undefined;
  let disposed = false;
  /** Control values to start from, handed to the session as soon as it exists (before its first run). */
  let restored: Record<string, ControlValue> = {};
  let ready: () => void = () => undefined;
  const runtimeReady = new Promise<void>((resolve) => (ready = resolve));

  // A cell's view changes several times in one turn (an output shown, updated, the run's end):
  // applying the views once per microtask, in one batch, renders only the last of them. Keeping a
  // re-run's outputs in place (no flash) is the session's job (session.ts showOutput).
  const pending = new Map<string, CellView>();
  const applyPending = () =>
    batch(() => {
      for (const [id, view] of pending) viewSignal(id)[1](view);
      pending.clear();
    });
  const running = new Set<string>();
  const receive = (id: string, view: CellView) => {
    if (pending.size === 0) queueMicrotask(applyPending);
    pending.set(id, view);
    if (view.state === 'running' && !running.has(id)) {
      running.add(id);
      guard?.runStarted(id, ran()[id]);
    } else if (view.state !== 'running' && running.delete(id)) guard?.runEnded(id);
  };
  /** Held before the session exists: handed to it as soon as it does. */
  const held = new Map<string, CellError>();

  const ensure = (): Promise<KernelSession> => {
    session ??= import('../../kernel/host/index.ts')
      // Cells off screen wait for the figures on screen to be painted (Session's planPass).
      .then(({ createBrowserSession }) => createBrowserSession({ drawn: () => painted() }))
      .then((created) => {
        if (disposed) {
          created.dispose();
          throw new Error('the notebook was closed');
        }
        created.restoreControls(restored);
        for (const [id, error] of held) created.hold(id, error);
        created.onCellChange(receive);
        created.onStatus((next, message) => {
          setStatus(next);
          setStatusMessage(message);
          if (next === 'ready' || next === 'busy') ready();
        });
        return created;
      })
      .catch((error: unknown) => {
        setStatus('dead');
        setStatusMessage(`The kernel could not start: ${(error as Error).message}. Reload the page to try again.`);
        throw error;
      });
    if (status() === 'not-started') setStatus('starting');
    return session;
  };

  const sync = async (cells: CellSource[]): Promise<KernelSession> => {
    const kernel = await ensure();
    kernel.setCells(cells);
    return kernel;
  };
  const remember = (cells: CellSource[], ids: string[]) =>
    setRan((old) => ({ ...old, ...Object.fromEntries(cells.filter((c) => ids.includes(c.id)).map((c) => [c.id, c.source])) }));

  return {
    status,
    statusMessage,
    view: (id) => viewSignal(id)[0](),
    ranSource: (id) => ran()[id],
    async runAll(cells) {
      remember(cells, cells.map((c) => c.id));
      await (await sync(cells)).runAll();
    },
    async run(cells, cellIds) {
      remember(cells, cellIds);
      await (await sync(cells)).run(cellIds);
    },
    hold(cellId, error) {
      held.set(cellId, error);
      void session?.then((kernel) => kernel.hold(cellId, error)).catch(() => undefined);
    },
    setControl(cellId, name, value, onScreen) {
      // The session coalesces: while a run is going, only the latest value is run next.
      void session?.then((kernel) => kernel.setControl(cellId, name, value, onScreen));
    },
    restoreControls(values) {
      restored = values;
      void session?.then((kernel) => kernel.restoreControls(values)).catch(() => undefined);
    },
    async interrupt() {
      await (await session)?.interrupt();
    },
    async restart() {
      if (!session) return;
      setRan({});
      await (await session).restart();
    },
    warmUp() {
      void ensure().catch(() => undefined);
    },
    runtimeReady: () => runtimeReady,
    dispose() {
      disposed = true;
      guard?.dispose();
      void session?.then((kernel) => kernel.dispose()).catch(() => undefined);
    },
  };
}
