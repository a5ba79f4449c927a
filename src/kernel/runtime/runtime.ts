import type { FromRuntime, RunRequest, ToRuntime } from '../protocol.ts';
import type { CellError } from '../types.ts';
import { rng } from '../../ml/core/random.ts';
import { toOutput } from './to-output.ts';
import { isTensorLike } from './inspect.ts';
import { CancelledError, RunContext } from './run-context.ts';
import { activeRun, setActiveRun } from './active-run.ts';
import { cellArguments, cellOfStack, compileCell, describeError, type CompiledCell } from './execute.ts';
import { ownTimers, schedule, type TimerScope } from './cell-timers.ts';
import { sameValue } from './same-value.ts';
import { LiveContinuations, isThenable, nameOfLive, stopGenerator } from './live-values.ts';
import { nextTask } from './next-task.ts';

/**
 * The runtime inside the sandbox: keeps the values cells declared, runs cells one at a time in
 * the order asked and reports what they showed. Transport-agnostic: the browser worker and the sandboxed Node process
 * each wire `handle` and `post` to their own message port.
 */
export interface RuntimeOptions {
  /** What `import … from '<name>'` in a cell gives. */
  modules: Record<string, unknown>;
  /** Live TensorFlow.js tensor count, reported after each run. */
  liveTensors?: () => number;
  /**
   * The global scope whose timers become the cells' own (cell-timers.ts): the worker's. Absent
   * when a test runs the runtime in its own process.
   */
  timerScope?: TimerScope;
}

export function createRuntime(post: (message: FromRuntime) => void, { modules, liveTensors, timerScope }: RuntimeOptions) {
  const env = new Map<string, unknown>();
  const compiled = new Map<string, { body: string; names: string; cell: CompiledCell }>();
  const runs = new Map<number, RunContext>();
  /** Each cell's latest run: what its timers, late errors and late output belong to. */
  const latest = new Map<string, RunContext>();
  /** Cells deleted while they ran: their timers stop when that run ends. */
  const retiring = new Set<string>();
  /** The run whose code ran last (a rejection with no stack is blamed on it). */
  let lastEntered: RunContext | undefined;

  const runtimeApi = {
    module(name: string): unknown {
      if (!(name in modules)) throw new Error(`Cannot import '${name}'`);
      return modules[name];
    },
  };

  /** Calls back as a run (a timer it set): output and errors go to its cell. False when it threw. */
  function runAs(context: RunContext, callback: () => unknown): boolean {
    const previous = activeRun();
    setActiveRun(context);
    lastEntered = context;
    try {
      const result = callback();
      if (isThenable(result)) result.then(undefined, (error: unknown) => fail(context, error, 'in promise'));
      return true;
    } catch (error) {
      fail(context, error);
      return false;
    } finally {
      setActiveRun(previous);
    }
  }
  const timers = timerScope ? ownTimers(timerScope, { owner: activeRun, runAs }) : undefined;
  const live = new LiveContinuations({ env, post: (message) => post(message), busy: () => draining, runAs, fail });

  /**
   * An error a run's cell caused outside the body's own flow. While the run goes on, the run
   * stops and fails with it; after, it is reported on the cell. A replaced run's is dropped.
   */
  function fail(context: RunContext, error: unknown, how?: 'in promise'): void {
    if (isCancelled(error) || latest.get(context.cellId) !== context) return;
    const described = describeError(error, context.cellId);
    if (how) described.message = `Uncaught (${how}) ${described.message}`;
    if (!context.finished) {
      context.failure ??= described;
      context.cancelled = true; // stops the run at its next tick()
      return;
    }
    post({ type: 'late-error', runId: context.runId, error: described });
  }

  /**
   * An uncaught error or unhandled rejection from anywhere: blamed on the cell whose code is on
   * its stack, else on the run whose code ran last.
   */
  function uncaught(error: unknown, rejection: boolean): void {
    if (isCancelled(error)) return;
    const cellId = error instanceof Error ? cellOfStack(error.stack ?? '') : undefined;
    const context = (cellId !== undefined ? latest.get(cellId) : undefined) ?? activeRun() ?? lastEntered;
    if (context) fail(context, error, rejection ? 'in promise' : undefined);
    else post({ type: 'fault', message: `${rejection ? 'Unhandled promise rejection' : 'Uncaught error'}: ${(error as Error | undefined)?.message ?? String(error)}` });
  }

  function compile(request: RunRequest): CompiledCell | { error: CellError } {
    const key = request.reads.join(',') + '|' + request.declares.join(',');
    const cached = compiled.get(request.cellId);
    if (cached && cached.body === request.body && cached.names === key) return cached.cell;
    const result = compileCell(request.cellId, request.body, request.reads, request.declares);
    if ('fn' in result) compiled.set(request.cellId, { body: request.body, names: key, cell: result });
    return result;
  }

  /** The cell's last run is over for good: its timers stop and its leftovers are dropped. */
  function retire(cellId: string): void {
    timers?.clear(cellId);
    live.stop(cellId);
    latest.delete(cellId);
  }

  /** Runs one cell; says whether it finished without error, and which declared names came back the same. */
  async function run(request: RunRequest): Promise<{ ok: boolean; unchanged: string[] }> {
    post({ type: 'started', runId: request.runId });
    const started = performance.now();
    // The previous run's timers stop: an interval does not outlive a re-run of its cell.
    timers?.clear(request.cellId);
    // Its live value from the previous run stops too: this run computes the value afresh.
    live.stop(request.cellId);
    retiring.delete(request.cellId);
    const context = new RunContext(request.runId, request.cellId, request.controls, post, activeRun, request.liveValues === 'stream');
    runs.set(request.runId, context);
    latest.set(request.cellId, context);
    const finish = (message: FromRuntime) => {
      if (message.type === 'done' && liveTensors) message.tensors = liveTensors();
      context.finished = true;
      context.flush(); // the last log lines and updates reach the cell before its 'done'
      runs.delete(request.runId);
      if (activeRun() === context) setActiveRun(undefined);
      if (retiring.delete(request.cellId)) retire(request.cellId);
      post(message);
    };

    const cell = compile(request);
    if ('error' in cell) {
      finish({ type: 'done', runId: request.runId, ok: false, durationMs: 0, error: cell.error });
      return { ok: false, unchanged: [] };
    }
    // What the cell declared last time, to tell the scheduler which names came back the same.
    const previous = new Map<string, unknown>();
    for (const name of request.declares) {
      if (env.has(name)) previous.set(name, env.get(name));
      disposeTensors(env.get(name));
      env.delete(name);
    }
    // Every run starts from the same seed, so random data is the same on every run and machine.
    const random = rng(request.seed);
    Math.random = random.next;
    setActiveRun(context);
    lastEntered = context;
    try {
      const { values, last } = await cell.fn(...cellArguments(cell, context, { ...runtimeApi, named: context.named }, env));
      if (context.failure) throw context.failure;
      const liveNames = context.liveSources.map((source) => nameOfLive(source, request.declares, values));
      if (liveNames.includes(undefined)) throw new Error('live() gives a value to a name: declare it, `const fit = live(function* () { … })`, so the cells that read it are updated as it changes');
      for (const name of request.declares) env.set(name, values[name]);
      const shown = toOutput(last);
      // A control's value is already shown as the control; a display handle is not a value to show.
      if (shown && !isHelperResult(last)) context.emit(shown);
      const unchanged = request.declares.filter((name) => previous.has(name) && sameValue(previous.get(name), values[name]));
      context.liveSources.forEach((source, i) => live.continue(context, liveNames[i]!, source));
      finish({ type: 'done', runId: request.runId, ok: true, durationMs: performance.now() - started, unchanged, ...(live.continues(request.runId) ? { live: true as const } : {}) });
      return { ok: true, unchanged };
    } catch (error) {
      for (const source of context.liveSources) stopGenerator(source.iterator);
      // A timer's error stopped the run (its tick() threw CancelledError): report the cause.
      const reported = context.failure ?? describeError(error, request.cellId);
      finish({ type: 'done', runId: request.runId, ok: false, durationMs: performance.now() - started, error: reported });
      return { ok: false, unchanged: [] };
    }
  }

  /**
   * Runs wait their turn: one cell runs at a time, in the order asked. A pass's runs follow each
   * other here without a round trip to the scheduler, whose thread (the page's) may be busy drawing.
   */
  const queue: { request: RunRequest; pass?: PassState }[] = [];
  let draining = false;

  function enqueue(requests: RunRequest[], pass?: PassState): void {
    for (const request of requests) queue.push({ request, pass });
    if (draining) return;
    draining = true;
    void (async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        await live.idle(); // a live value's async chunk under way ends first
        await step(next.request, next.pass);
        // Between two runs, the messages that came meanwhile ('drop-queued', 'cancel') are read
        // first: a cell that ran synchronously never let them in.
        if (queue.length > 0) await nextTask();
      }
      draining = false;
      live.wake(); // the live values' next chunks waited for the queue
    })();
  }

  async function step(request: RunRequest, pass: PassState | undefined): Promise<void> {
    if (!pass) {
      await run(request);
      return;
    }
    if (request.reads.some((name) => pass.failed.has(name))) {
      for (const name of request.declares) pass.failed.add(name);
      post({ type: 'skipped', runId: request.runId });
      return;
    }
    if (request.mayKeep && !request.reads.some((name) => pass.changed.has(name))) {
      post({ type: 'kept', runId: request.runId });
      return;
    }
    const { ok, unchanged } = await run(request);
    for (const name of request.declares) {
      if (!ok) pass.failed.add(name);
      else if (!unchanged.includes(name)) pass.changed.add(name);
    }
  }

  function settle(withinMs: number): void {
    const deadline = performance.now() + withinMs;
    const check = () => {
      if (timers?.pendingBefore(deadline) && performance.now() < deadline) schedule(check, 5);
      else post({ type: 'settled' });
    };
    schedule(check, 0);
  }

  function handle(message: ToRuntime): void {
    switch (message.type) {
      case 'run':
        enqueue([message]);
        break;
      case 'pass':
        enqueue(message.runs, { changed: new Set(), failed: new Set() });
        break;
      case 'drop-queued': {
        const dropped = queue.splice(0).map((entry) => entry.request.runId);
        if (dropped.length > 0) post({ type: 'dropped', runIds: dropped });
        break;
      }
      case 'cancel': {
        const context = runs.get(message.runId);
        if (context) context.cancelled = true;
        break;
      }
      case 'forget':
        live.forget(message.names);
        for (const name of message.names) env.delete(name);
        break;
      case 'live-continue':
        live.readersDone(message.runId);
        break;
      case 'stop-live':
        live.stopAll();
        break;
      case 'retire':
        if (latest.get(message.cellId)?.finished === false) retiring.add(message.cellId);
        else retire(message.cellId);
        break;
      case 'settle':
        settle(message.withinMs);
        break;
    }
  }

  /** Console calls made outside a cell's own `console` (library code, timers) go to the active run. */
  function logToActive(level: 'log' | 'info' | 'warn' | 'error' | 'debug', args: unknown[]): boolean {
    const active = activeRun();
    if (!active) return false;
    active.log(level, args);
    return true;
  }

  return { handle, logToActive, uncaught };
}

/** What the runs of one pass so far did to the names they declare. */
interface PassState {
  /** Declared by a run that finished with a value different from before. */
  changed: Set<string>;
  /** Declared by a run that failed or was skipped: its readers cannot run. */
  failed: Set<string>;
}

/** A replaced run's helpers throw CancelledError into code that may not catch it: not an error of the cell. */
function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error as { name?: unknown } | undefined)?.name === 'CancelledError';
}

/**
 * Frees the tensors a cell declared last time before it runs again; without this, every re-run
 * of `const t = tf.tensor(…)` would leak the previous tensor (TensorFlow.js does not collect
 * tensors). Looks into arrays and plain objects one level deep.
 */
function disposeTensors(value: unknown): void {
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value];
  for (const item of items) if (isTensorLike(item) && !item.isDisposed) (item as unknown as { dispose(): void }).dispose();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isHelperResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'update' in value && typeof (value as { update: unknown }).update === 'function';
}
