/**
 * A figure's big traces that come back unchanged from a re-run of their cell cross from the
 * sandboxed worker to the page as a marker, and the page puts back the trace it received last
 * time. A contour under an optimiser's path (60 × 60 values, twice: z and the hover's customdata)
 * is most of the figure and the same at every step; sent in full, it was copied four times on the
 * way (worker, frame, page: each structured clone is a copy in and out), 10–20 ms of the page's
 * thread per figure per move on gradient-descent and optimizers.
 *
 * Both ends keep the same memory: the traces of each figure output, by cell and output id, as
 * last sent (worker) and received (page). The worker compares a figure's traces with what it sent
 * last for the same output; the page replaces each marker with the trace at the same place in
 * what it received last. The page forgets everything when another worker becomes the active one
 * (a restart), whose memory starts empty too; the frame relays the active worker's messages in
 * order, so the two memories move in step. Only the browser's path does this: the headless
 * runner's messages stay whole.
 */
import { sameData } from '../plot/same-data.ts';
import type { FromRuntime, ToRuntime } from './protocol.ts';
import type { Output } from './types.ts';

/** Stands in for a trace equal to the one at the same place in the output's last figure. */
const MARKER = 'stepwise:same-as-last-run';
/** Below this many numbers and strings a trace costs less to copy than to compare and remember. */
const MIN_VALUES = 500;
/** How many run ids to remember the cell of (an update may come a while after its run). */
const RUNS_REMEMBERED = 1000;

type Traces = readonly unknown[];
type OutputMessage = Extract<FromRuntime, { output: Output }>;
type FigureOutput = Extract<Output, { kind: 'figure' }>;

export class RepeatedTraces {
  private readonly cellOfRun = new Map<number, string>();
  /** By cell and output id: the figure's traces as last sent or received. */
  private readonly last = new Map<string, Traces>();

  /** Notes which cell each run request is for (both ends see every request). */
  noteRequest(message: ToRuntime): void {
    const runs = message.type === 'run' ? [message] : message.type === 'pass' ? message.runs : [];
    for (const run of runs) {
      this.cellOfRun.set(run.runId, run.cellId);
      if (this.cellOfRun.size > RUNS_REMEMBERED) this.cellOfRun.delete(this.cellOfRun.keys().next().value!);
    }
  }

  /** Worker side: the message to post, with the big traces equal to last time's replaced by markers. */
  encode(message: FromRuntime): FromRuntime {
    const figure = this.figureOf(message);
    if (!figure) return message;
    const previous = this.last.get(figure.key);
    // A copy of each big trace as sent (the cell may change the objects it displayed); small ones
    // are never replaced, so neither copied nor compared.
    this.last.set(figure.key, figure.traces.map((trace) => (countValues(trace, MIN_VALUES) >= MIN_VALUES ? copyOf(trace) : undefined)));
    let repeated = false;
    const data = figure.traces.map((trace, i) => {
      const before = previous?.[i];
      if (before === undefined || !sameData(trace, before)) return trace;
      repeated = true;
      return { [MARKER]: true };
    });
    return repeated ? withTraces(figure.message, data) : message;
  }

  /** Worker side: a message encode() saw could not be posted after all: the page never got its traces. */
  unsent(message: FromRuntime): void {
    const figure = this.figureOf(message);
    if (figure) this.last.delete(figure.key);
  }

  /** Page side: the message with each marker replaced by the trace it stands for. */
  decode(message: FromRuntime): FromRuntime {
    const figure = this.figureOf(message);
    if (!figure) return message;
    const previous = this.last.get(figure.key) ?? [];
    const repeated = figure.traces.some(isMarker);
    const data = repeated ? figure.traces.map((trace, i) => (isMarker(trace) ? (previous[i] ?? {}) : trace)) : figure.traces;
    this.last.set(figure.key, data);
    return repeated ? withTraces(figure.message, data) : message;
  }

  /** Forgets every figure (another worker, with an empty memory, is now the one that runs cells). */
  reset(): void {
    this.last.clear();
  }

  private figureOf(message: FromRuntime): { key: string; message: OutputMessage & { output: FigureOutput }; traces: Traces } | undefined {
    if (message.type !== 'output' && message.type !== 'output-update') return undefined;
    const output = message.output;
    const cellId = this.cellOfRun.get(message.runId);
    if (output.kind !== 'figure' || cellId === undefined || !Array.isArray(output.figure?.data)) return undefined;
    return { key: `${cellId}\u0000${output.id}`, message: { ...message, output }, traces: output.figure.data };
  }
}

function isMarker(trace: unknown): boolean {
  return typeof trace === 'object' && trace !== null && (trace as Record<string, unknown>)[MARKER] === true;
}

function withTraces(message: OutputMessage & { output: FigureOutput }, data: Traces): FromRuntime {
  const { output } = message;
  return { ...message, output: { ...output, figure: { ...output.figure, data: data as FigureOutput['figure']['data'] } } };
}

/** A trace's copy kept for the next comparison; none if it cannot be copied (then it cannot be posted either). */
function copyOf(trace: unknown): unknown {
  try {
    return structuredClone(trace);
  } catch {
    return undefined;
  }
}

/** How many leaves (numbers, strings, …) a value holds, counting no further than `enough`. */
function countValues(value: unknown, enough: number): number {
  let count = 0;
  const walk = (v: unknown): void => {
    if (count >= enough) return;
    if (ArrayBuffer.isView(v)) count += (v as unknown as { length?: number }).length ?? v.byteLength;
    else if (Array.isArray(v)) for (const item of v) walk(item);
    else if (typeof v === 'object' && v !== null) for (const item of Object.values(v)) walk(item);
    else count++;
  };
  walk(value);
  return count;
}
