import type { CellError, ControlValue, Output, OutputBody } from '../types.ts';
import type { FromRuntime } from '../protocol.ts';
import { inspect } from './inspect.ts';
import { schedule } from './cell-timers.ts';
import { toOutput, type Markdown } from './to-output.ts';
import { LogBlock } from './log-block.ts';
import { FLUSH_INTERVAL_MS, OUTPUT_LIMIT, truncateText } from './output-bounds.ts';

/** The id of the notice counting the outputs a run showed past OUTPUT_LIMIT. */
const HIDDEN_NOTICE_ID = 'out-hidden';
import { resolveControl, type ControlRequest, type SliderOptions, type NumberOptions, type SelectOptions, type CheckboxOptions, type StepperOptions, type DragPointOptions, type DragPointsOptions, type DragDirectionOptions } from './controls.ts';
import { rememberInput } from './figure-inputs.ts';
import { startLive, type LiveSource } from './live-values.ts';

/**
 * The helpers' waits use the scope's own setTimeout, not the cell's (cell-timers.ts): they are
 * the run's machinery, and stopping a cell's timers must not strand a run that awaits one.
 */
const wait = (ms: number) => new Promise<void>((resolve) => schedule(resolve, ms));

/** Thrown by runtime helpers inside a run that a newer run replaced. */
export class CancelledError extends Error {
  constructor() {
    super('Stopped: a newer run of this cell replaced this one');
    this.name = 'CancelledError';
  }
}

/** A handle to a shown output: call `update` to replace it in place (live charts, counters). */
export interface DisplayHandle {
  /** Undefined when the run showed too many outputs to show this one (OUTPUT_LIMIT). */
  readonly id: string | undefined;
  update(value: unknown): void;
}

export interface ProgressHandle {
  update(value: number, max?: number): void;
}

/**
 * One run of one cell: where its outputs go, its control values, whether it was cancelled.
 * The helpers a cell calls (display, console, slider, …) are made per run, so output lands in
 * the cell that produced it even across `await`.
 */
export class RunContext {
  cancelled = false;
  finished = false;
  /** An error the cell caused while this run was still going (a timer it set threw): the run fails with it. */
  failure: CellError | undefined;
  private outputCount = 0;
  private hiddenOutputs = 0;
  /** The log output that the run's next console line of the same level joins. */
  private logBlock: LogBlock | undefined;
  /** Output updates not posted yet, by output id: only the newest of each is posted. */
  private readonly pending = new Map<string, () => Output>();
  private lastFlush = performance.now();
  private flushScheduled = false;
  private autoNames = 0;
  private pendingName: string | undefined;
  /** The live() sources this run started that go on after it (streamed runs only, live-values.ts). */
  readonly liveSources: LiveSource[] = [];

  constructor(
    readonly runId: number,
    readonly cellId: string,
    private readonly controls: Record<string, ControlValue>,
    private readonly post: (message: FromRuntime) => void,
    /** The run in progress now, for helpers called after this run finished. */
    private readonly activeRun: () => RunContext | undefined = () => undefined,
    /** Whether live() values go on after the run (the page) or are computed to the end in it (headless). */
    private readonly streamLive = false,
  ) {}

  /**
   * Shows a new output and returns its id; undefined when the run already showed OUTPUT_LIMIT
   * outputs (then it is only counted, in a notice at the end of the cell).
   */
  emit(body: OutputBody): string | undefined {
    const shower = this.shower();
    if (shower !== this) return shower.emit(body);
    this.logBlock = undefined;
    return this.show(body);
  }

  /**
   * The run that shows what this context's helpers make: a function declared in this cell and
   * called from a later cell shows its output there, and its handles update it there.
   */
  private shower(): RunContext {
    const active = this.finished ? this.activeRun() : undefined;
    return active ?? this;
  }

  replace(id: string | undefined, body: OutputBody): void {
    this.checkCancelled();
    if (id !== undefined) this.queue(id, () => ({ ...body, id }) as Output);
  }

  /** Posts the updates still waiting (log lines, display updates); called at the end of the run too. */
  flush(): void {
    this.lastFlush = performance.now();
    const updates = [...this.pending.values()];
    this.pending.clear();
    for (const make of updates) this.post({ type: 'output-update', runId: this.runId, output: make() });
  }

  private show(body: OutputBody): string | undefined {
    this.flush(); // earlier outputs' updates first, so the page sees them in order
    if (this.outputCount >= OUTPUT_LIMIT) {
      this.hiddenOutputs++;
      const notice = (): Output => ({ id: HIDDEN_NOTICE_ID, kind: 'text', text: `… ${this.hiddenOutputs} more outputs not shown: a run shows at most ${OUTPUT_LIMIT}` });
      if (this.hiddenOutputs === 1) this.post({ type: 'output', runId: this.runId, output: notice() });
      else this.queue(HIDDEN_NOTICE_ID, notice);
      return undefined;
    }
    const id = `out-${this.outputCount++}`;
    this.post({ type: 'output', runId: this.runId, output: { ...body, id } as Output });
    return id;
  }

  /**
   * Updates an output in place, posting at most every FLUSH_INTERVAL_MS: checked on each update
   * (so a loop that never yields still shows progress) and by a timer (for the last update).
   */
  private queue(id: string, make: () => Output): void {
    this.pending.set(id, make);
    if (performance.now() - this.lastFlush >= FLUSH_INTERVAL_MS) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      schedule(() => {
        this.flushScheduled = false;
        this.flush();
      }, FLUSH_INTERVAL_MS);
    }
  }

  checkCancelled(): void {
    if (this.cancelled) throw new CancelledError();
  }

  display = (value: unknown): DisplayHandle => {
    const body = toOutput(value) ?? { kind: 'text' as const, text: 'undefined' };
    const shower = this.shower();
    const id = shower.emit(body);
    return { id, update: (next: unknown) => shower.replace(id, toOutput(next) ?? { kind: 'text', text: 'undefined' }) };
  };

  md = (strings: TemplateStringsArray | string, ...values: unknown[]): Markdown => {
    // The raw strings, as String.raw does: `\theta` in a template stays LaTeX, not a tab + "heta".
    const text = typeof strings === 'string' ? strings : strings.raw.reduce((acc, s, i) => acc + unescapeBackticks(s) + (i < values.length ? inspect(values[i]) : ''), '');
    return { type: 'stepwise.markdown', markdown: text };
  };

  /**
   * While the run goes on, consecutive lines of one level join one bounded log output
   * (log-block.ts); a line logged after it finished (a timer's) is an output of its own.
   */
  log(level: 'log' | 'info' | 'warn' | 'error' | 'debug', args: unknown[]): void {
    const shower = this.shower();
    if (shower !== this) return shower.log(level, args);
    const text = args.map((a) => inspect(a)).join(' ');
    const block = this.logBlock;
    if (block && block.level === level && !this.finished) {
      block.add(text);
      this.queue(block.id, () => ({ id: block.id, kind: 'log', level, text: block.text() }));
      return;
    }
    const id = this.emit({ kind: 'log', level, text: truncateText(text) });
    if (id === undefined || this.finished) return;
    this.logBlock = new LogBlock(id, level);
    this.logBlock.add(text);
  }

  console = {
    log: (...args: unknown[]) => this.log('log', args),
    info: (...args: unknown[]) => this.log('info', args),
    warn: (...args: unknown[]) => this.log('warn', args),
    error: (...args: unknown[]) => this.log('error', args),
    debug: (...args: unknown[]) => this.log('debug', args),
    table: (data: unknown) => this.display(data),
  };

  progress = (label = 'Progress', max = 100): ProgressHandle => {
    const shower = this.shower();
    const id = shower.emit({ kind: 'progress', label, value: 0, max });
    return { update: (value: number, newMax = max) => shower.replace(id, { kind: 'progress', label, value, max: newMax }) };
  };

  /** Yields to the event loop so the page sees updates and a cancel can arrive. */
  tick = async (): Promise<void> => {
    await wait(0);
    this.checkCancelled();
  };

  sleep = async (ms: number): Promise<void> => {
    await wait(ms);
    this.checkCancelled();
  };

  live = (make: () => Iterator<unknown, unknown> | AsyncIterator<unknown, unknown>): unknown => startLive(make, this.streamLive, (source) => this.liveSources.push(source));

  /** `const k = slider(…)` is rewritten to `__sw.named("k", slider)(…)`: the control is called k. */
  named = <F extends (...args: never[]) => unknown>(name: string, helper: F): F =>
    ((...args: Parameters<F>) => {
      this.pendingName = name;
      try {
        return helper(...args);
      } finally {
        this.pendingName = undefined;
      }
    }) as F;

  private control(request: ControlRequest): ControlValue {
    const name = this.pendingName ?? `input ${++this.autoNames}`;
    this.pendingName = undefined;
    const { spec, value } = resolveControl(request, name, this.controls[name]);
    this.emit({ kind: 'control', name, control: spec, value });
    if (spec.type === 'point' || spec.type === 'points' || spec.type === 'direction') {
      rememberInput(value as object, { cellId: this.cellId, name, kind: spec.type, label: spec.label, ...(spec.type === 'points' ? { max: spec.max } : {}) });
    }
    return value;
  }

  slider = (initial: number, options: SliderOptions = {}): number => this.control({ type: 'slider', initial, options }) as number;
  number = (initial: number, options: NumberOptions = {}): number => this.control({ type: 'number', initial, options }) as number;
  select = <T extends string | number>(choices: T[], options: SelectOptions<T> = {}): T =>
    this.control({ type: 'select', choices, options }) as T;
  checkbox = (initial = false, options: CheckboxOptions = {}): boolean => this.control({ type: 'checkbox', initial, options }) as boolean;
  button = (label = 'Run'): number => this.control({ type: 'button', label }) as number;
  stepper = (count: number, options: StepperOptions = {}): number => this.control({ type: 'stepper', count, options }) as number;
  dragPoint = (initial: readonly number[], options: DragPointOptions = {}): [number, number] => this.control({ type: 'point', initial, options }) as [number, number];
  dragPoints = (initial: readonly (readonly number[])[], options: DragPointsOptions = {}): [number, number][] => this.control({ type: 'points', initial, options }) as [number, number][];
  dragDirection = (initial: readonly number[], options: DragDirectionOptions = {}): [number, number] => this.control({ type: 'direction', initial, options }) as [number, number];
}

/**
 * A backtick can only be written inside a template literal as \`, and the raw string keeps the
 * backslash, which Markdown would show as a literal backtick instead of starting inline code.
 * So \` becomes ` and every other backslash stays; pairs are read left to right, so LaTeX's \\
 * before an escaped backtick stays \\.
 */
export function unescapeBackticks(raw: string): string {
  return raw.replace(/\\([\\`])/g, (escape, char: string) => (char === '`' ? '`' : escape));
}
