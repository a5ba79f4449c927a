import { codeCells, parseNotebook } from '../../src/notebook/index.ts';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import { cellReports, type RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { ControlValue } from '../../src/kernel/types.ts';

/** As long as `runNotebook` waits after a run for the timers cells set. */
const SETTLE_MS = 1000;

/**
 * A notebook open in one sandboxed Node process, whose controls a test moves as a learner does:
 * the first report is a run of every cell with the default controls; each later one moves the
 * controls to the values asked (the others back to their defaults) and re-runs what depends on
 * them, as the page does, instead of starting a process and running the whole notebook again.
 * Reports are in turn: one notebook state at a time.
 */
export function openNotebook(source: string | Uint8Array, file: string, options: { timeoutMs?: number } = {}) {
  const cells = codeCells(parseNotebook(source, file));
  const session = createNodeSession({ timeoutMs: options.timeoutMs ?? 30_000 });
  session.setCells(cells.map((c) => ({ id: c.id, source: c.source })));

  /** A copy of what every cell shows now: later moves must not change a report already taken. */
  const snapshot = (): RunReport => {
    const reports = structuredClone(cellReports(session, cells));
    const tensors = cells.map((c) => session.view(c.id)?.tensors).filter((n) => n !== undefined).at(-1) ?? 0;
    return { ok: reports.every((r) => r.status === 'ok'), cells: reports, tensorsAfterRun: [tensors] };
  };

  /** The cells that show a control, by the control's name. */
  const controlCells = (): Map<string, string> =>
    new Map(cells.flatMap((c) => (session.view(c.id)?.outputs ?? []).flatMap((o) => (o.kind === 'control' ? [[o.name, c.id] as const] : []))));

  const defaults = session.runAll().then(() => session.settle(SETTLE_MS)).then(snapshot);
  let turn: Promise<unknown> = defaults;

  async function moveTo(controls: Record<string, ControlValue>): Promise<RunReport> {
    const shown = controlCells();
    const unknown = Object.keys(controls).filter((name) => !shown.has(name));
    if (unknown.length > 0) throw new Error(`${file} has no control named ${unknown.join(', ')} (its controls: ${[...shown.keys()].join(', ')})`);
    // Every control cell runs with the values asked (defaults for the rest); a cell downstream
    // whose inputs come back unchanged keeps its value, as when a learner moves a control.
    session.restoreControls(controls);
    await session.run([...new Set(shown.values())]);
    await session.settle(SETTLE_MS);
    return snapshot();
  }

  /**
   * The default run's report, with `tensorsAfterRun` as runNotebook's `repeat: 2` gives it: when
   * the first run left tensors alive, every cell runs once more and the count after it is added.
   */
  function repeatedDefaults(): Promise<RunReport> {
    const next = turn.then(async () => {
      const first = await defaults;
      if (first.tensorsAfterRun[0] === 0) return first;
      await session.runAll();
      await session.settle(SETTLE_MS);
      return { ...first, tensorsAfterRun: [...first.tensorsAfterRun, snapshot().tensorsAfterRun[0]] };
    });
    turn = next.catch(() => undefined);
    return next;
  }

  return {
    /** The report with these control values (`{}`: the defaults). */
    report(controls: Record<string, ControlValue> = {}): Promise<RunReport> {
      if (Object.keys(controls).length === 0) return defaults;
      const next = turn.then(() => moveTo(controls));
      turn = next.catch(() => undefined);
      return next;
    },
    repeatedDefaults,
    close: () => session.dispose(),
  };
}
