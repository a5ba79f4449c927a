import type { FromRuntime } from '../protocol.ts';
import type { RunContext } from './run-context.ts';
import { nextTask } from './next-task.ts';

/**
 * Values computed in chunks: `const fit = live(function* () { … yield partial … return final })`.
 * A chunk is the code between two yields. Nothing else runs inside one: a synchronous chunk
 * cannot be interleaved, and the runtime starts no run while an async chunk (an `async function*`
 * awaiting TensorFlow.js or tick()) is under way; each runs with its run's random stream.
 *
 * - Streamed (the page): the cell finishes with the first chunk's value, so the cells that read
 *   it draw at once. The later chunks run here between runs: after each, the name takes the
 *   new value and the page re-runs its readers ('live-value'), then says to go on
 *   ('live-continue'); 'live-ended' when it ends without a value (it threw, or returned
 *   nothing). A new run of the cell, its deletion or an interrupt stops the generator.
 * - Not streamed (the headless runner, tests of numbers): the cell runs every chunk and the name
 *   holds the last value, as if there were no chunks.
 */
type AnyIterator = Iterator<unknown, unknown> | AsyncIterator<unknown, unknown>;

export interface LiveSource {
  iterator: AnyIterator;
  /** The value yielded last: the declared name that holds it is the one the later chunks update. */
  latest: unknown;
  /** The run's random stream (Math.random at the time live() was called). */
  random: () => number;
}

/** The helper cells call: starts the generator and gives its first value (streamed) or its last; a promise of it for an async generator. */
export function startLive(make: () => AnyIterator, stream: boolean, started: (source: LiveSource) => void): unknown {
  if (typeof make !== 'function') throw new TypeError('live() takes a generator function: live(function* () { … yield partial … return final })');
  const iterator = make();
  if (typeof iterator !== 'object' || iterator === null || typeof (iterator as { next?: unknown }).next !== 'function') {
    throw new TypeError('live(): the function must be a generator, function* () { … yield value … }, so the value can be computed in chunks');
  }
  const first = iterator.next();
  if (!isThenable(first)) {
    if (stream) return startedWith(first as IteratorResult<unknown, unknown>);
    let step = first as IteratorResult<unknown, unknown>, latest: unknown;
    for (; !step.done; step = (iterator as Iterator<unknown, unknown>).next()) latest = step.value;
    return step.value === undefined ? latest : step.value;
  }
  return (async () => {
    let step = await first;
    if (stream) return startedWith(step);
    let latest: unknown;
    for (; !step.done; step = await (iterator as AsyncIterator<unknown, unknown>).next()) latest = step.value;
    return step.value === undefined ? latest : step.value;
  })();

  function startedWith(step: IteratorResult<unknown, unknown>): unknown {
    if (!step.done) started({ iterator, latest: step.value, random: Math.random });
    return step.value;
  }
}

/** The declared name that holds a live source's value; undefined when the cell declares none that does. */
export function nameOfLive(source: LiveSource, declares: readonly string[], values: Record<string, unknown>): string | undefined {
  return declares.find((name) => values[name] === source.latest);
}

interface Continuation {
  context: RunContext;
  name: string;
  source: LiveSource;
  stopped: boolean;
  /** A value was posted and the page has not yet re-run its readers. */
  waitingForReaders: boolean;
}

export interface LiveHost {
  env: Map<string, unknown>;
  post: (message: FromRuntime) => void;
  /** Whether the runtime has runs to do: the chunks wait for them. */
  busy: () => boolean;
  /** Calls back as the run (output and errors go to its cell); false when the callback threw. */
  runAs: (context: RunContext, callback: () => unknown) => boolean;
  /** Reports an error a finished run caused on its cell. */
  fail: (context: RunContext, error: unknown) => void;
}

/** The streamed live sources of finished runs, and the loop that continues each. */
export class LiveContinuations {
  private readonly running = new Set<Continuation>();
  private wakers: (() => void)[] = [];
  /** An async chunk under way. */
  private chunk: Promise<void> | undefined;

  constructor(private readonly host: LiveHost) {}

  /** A finished run's live source goes on in the background, updating `name`. */
  continue(context: RunContext, name: string, source: LiveSource): void {
    const continuation: Continuation = { context, name, source, stopped: false, waitingForReaders: false };
    this.running.add(continuation);
    void this.loop(continuation);
  }

  /** The cell runs again, is deleted or retired: its generators end here (their finally blocks run). */
  stop(cellId: string): void {
    this.stopWhere((continuation) => continuation.context.cellId === cellId);
  }

  /** The learner interrupted: every value stays at its last chunk. */
  stopAll(): void {
    this.stopWhere(() => true);
  }

  /** Stops the sources whose names were forgotten (their cell no longer declares them). */
  forget(names: readonly string[]): void {
    this.stopWhere((continuation) => names.includes(continuation.name));
  }

  /** Whether this run's live value goes on after it. */
  continues(runId: number): boolean {
    return [...this.running].some((continuation) => continuation.context.runId === runId);
  }

  /** The page re-ran the readers of this run's last value: the next chunk may run. */
  readersDone(runId: number): void {
    for (const continuation of this.running) if (continuation.context.runId === runId) continuation.waitingForReaders = false;
    this.wake();
  }

  /** Something the chunks wait for changed (the runtime's queue emptied, a source stopped). */
  wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const resume of wakers) resume();
  }

  /** Settles when no chunk is under way: the runtime starts a run only then. */
  idle(): Promise<void> {
    return this.chunk ?? Promise.resolve();
  }

  private async loop(continuation: Continuation): Promise<void> {
    for (;;) {
      // Messages first (a new run, a stop), then wait while runs are queued or readers are due.
      await nextTask();
      while (!continuation.stopped && (this.host.busy() || continuation.waitingForReaders)) await new Promise<void>((resume) => this.wakers.push(resume));
      if (continuation.stopped) return;
      const step = await this.nextChunk(continuation);
      if (continuation.stopped) return;
      const runId = continuation.context.runId;
      if (!step || (step.done && step.value === undefined)) {
        this.end(continuation);
        this.host.post({ type: 'live-ended', runId });
        return;
      }
      continuation.source.latest = step.value;
      this.host.env.set(continuation.name, step.value);
      continuation.waitingForReaders = true;
      this.host.post({ type: 'live-value', runId, last: step.done === true });
      if (step.done) {
        this.end(continuation);
        return;
      }
    }
  }

  /** Runs one chunk as its run, with its random stream; undefined when it threw (the error is on its cell). */
  private async nextChunk(continuation: Continuation): Promise<IteratorResult<unknown, unknown> | undefined> {
    const { context, source } = continuation;
    const random = Math.random;
    Math.random = source.random;
    let next: unknown;
    const ok = this.host.runAs(context, () => {
      next = source.iterator.next();
    });
    if (!ok || !isThenable(next)) {
      Math.random = random;
      return ok ? (next as IteratorResult<unknown, unknown>) : undefined;
    }
    let settled: () => void = () => {};
    this.chunk = new Promise((resolve) => (settled = resolve));
    try {
      return await (next as Promise<IteratorResult<unknown, unknown>>);
    } catch (error) {
      this.host.fail(context, error);
      return undefined;
    } finally {
      Math.random = random;
      this.chunk = undefined;
      settled();
    }
  }

  private stopWhere(matches: (continuation: Continuation) => boolean): void {
    for (const continuation of [...this.running]) {
      if (!matches(continuation)) continue;
      this.end(continuation);
      stopGenerator(continuation.source.iterator);
    }
    this.wake();
  }

  private end(continuation: Continuation): void {
    continuation.stopped = true;
    this.running.delete(continuation);
  }
}

/** Ends a generator (its finally blocks run); what its finally throws is dropped with it. */
export function stopGenerator(iterator: AnyIterator): void {
  try {
    const ended = iterator.return?.(undefined);
    if (isThenable(ended)) ended.then(undefined, () => {});
  } catch {
    // A synchronous generator's finally threw.
  }
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
