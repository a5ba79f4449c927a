import type { CellError, ControlValue, Output, OutputBody } from '../types.ts';
import type { FromRuntime } from '../protocol.ts';
import { inspect } from './inspect.ts';
import { schedule } from './cell-timers.ts';
import { toOutput, type Markdown } from './to-output.ts';
import { resolveControl, type ControlRequest, type SliderOptions, type NumberOptions, type SelectOptions, type CheckboxOptions, type StepperOptions } from './controls.ts';

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
  readonly id: string;
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
  private autoNames = 0;
  private pendingName: string | undefined;

  constructor(
    readonly runId: number,
    readonly cellId: string,
    private readonly controls: Record<string, ControlValue>,
    private readonly post: (message: FromRuntime) => void,
    /** The run in progress now, for helpers called after this run finished. */
    private readonly activeRun: () => RunContext | undefined = () => undefined,
  ) {}

  emit(body: OutputBody, id = `out-${this.outputCount++}`): string {
    // A function declared in this cell and called from a later cell shows its output there.
    const active = this.finished ? this.activeRun() : undefined;
    if (active && active !== this) return active.emit(body);
    this.post({ type: 'output', runId: this.runId, output: { ...body, id } as Output });
    return id;
  }

  replace(id: string, body: OutputBody): void {
    this.checkCancelled();
    this.post({ type: 'output-update', runId: this.runId, output: { ...body, id } as Output });
  }

  checkCancelled(): void {
    if (this.cancelled) throw new CancelledError();
  }

  display = (value: unknown): DisplayHandle => {
    const body = toOutput(value) ?? { kind: 'text' as const, text: 'undefined' };
    const id = this.emit(body);
    return { id, update: (next: unknown) => this.replace(id, toOutput(next) ?? { kind: 'text', text: 'undefined' }) };
  };

  md = (strings: TemplateStringsArray | string, ...values: unknown[]): Markdown => {
    // The raw strings, as String.raw does: `\theta` in a template stays LaTeX, not a tab + "heta".
    const text = typeof strings === 'string' ? strings : strings.raw.reduce((acc, s, i) => acc + unescapeBackticks(s) + (i < values.length ? inspect(values[i]) : ''), '');
    return { type: 'stepwise.markdown', markdown: text };
  };

  log(level: 'log' | 'info' | 'warn' | 'error' | 'debug', args: unknown[]): void {
    this.emit({ kind: 'log', level, text: args.map((a) => inspect(a)).join(' ') });
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
    const id = this.emit({ kind: 'progress', label, value: 0, max });
    return { update: (value: number, newMax = max) => this.replace(id, { kind: 'progress', label, value, max: newMax }) };
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
    return value;
  }

  slider = (initial: number, options: SliderOptions = {}): number => this.control({ type: 'slider', initial, options }) as number;
  number = (initial: number, options: NumberOptions = {}): number => this.control({ type: 'number', initial, options }) as number;
  select = <T extends string | number>(choices: T[], options: SelectOptions<T> = {}): T =>
    this.control({ type: 'select', choices, options }) as T;
  checkbox = (initial = false, options: CheckboxOptions = {}): boolean => this.control({ type: 'checkbox', initial, options }) as boolean;
  button = (label = 'Run'): number => this.control({ type: 'button', label }) as number;
  stepper = (count: number, options: StepperOptions = {}): number => this.control({ type: 'stepper', count, options }) as number;
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
