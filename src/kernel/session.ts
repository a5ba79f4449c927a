import { analyzeCell, errorInSource, type CellAnalysis } from '../analysis/index.ts';
import { buildGraph, type CellGraph } from './graph/index.ts';
import { cellsToRun, onScreenFirst, readersOfChanged, seedFor, shouldRun } from './scheduler.ts';
import { CellViews } from './cell-views.ts';
import type { Executor } from './executor.ts';
import type { FromRuntime, RunRequest } from './protocol.ts';
import type { CellError, CellSource, CellView, ControlValue, KernelSession, KernelStatus, Output } from './types.ts';

export interface SessionOptions {
  /** A cell running longer than this is stopped with a timeout error (default: no limit). */
  timeoutMs?: number;
  /** Control values to use before the learner moves anything, by control name (CLI `--set`). */
  initialControls?: Record<string, ControlValue>;
  /**
   * 'stream' (the page): a cell's live() value is shown after its first chunk and its readers
   * re-run as later chunks come (runtime/live-values.ts). Default: computed to the end first.
   */
  liveValues?: 'stream';
  /**
   * The page: resolves once the figures the cells on screen just showed are drawn. A pass whose
   * cells on screen are done waits for it before the cells off screen run (see planPass).
   */
  drawn?: () => Promise<void>;
}

type RunOutcome =
  /** `unchanged`: declared names whose values came back the same as before this run. */
  | { kind: 'done'; tensors?: number; unchanged: string[] }
  | { kind: 'error'; error: CellError; tensors?: number }
  /** The runtime was replaced mid-run (interrupt, timeout, crash); the values it held are restored. */
  | { kind: 'killed'; error: CellError }
  /** Cell code closed the runtime: the kernel stays stopped until a restart or the next run. */
  | { kind: 'stopped'; error: CellError }
  /** The runtime did not need to run it: the names it reads came back unchanged in the pass. */
  | { kind: 'kept' }
  /** Not run: a cell it reads from failed in the same pass, or the pass was dropped to plan again. */
  | { kind: 'not-run' };

/** A run sent to the runtime in a pass, until its outcome is known. */
interface PlannedRun {
  cellId: string;
  runId: number;
  /** The control values the run was sent with. */
  controls?: Record<string, ControlValue>;
  outcome: Promise<RunOutcome>;
  settle: (outcome: RunOutcome) => void;
  /** Set when the runtime starts it. */
  active?: ActiveRun;
  /**
   * Planned before its cell was made dirty again (an edit, a control moved, a run asked): if the
   * runtime starts it anyway, the cell stays dirty and runs again in the next pass.
   */
  stale?: boolean;
}

interface ActiveRun {
  cellId: string;
  runId: number;
  /** The control values the run was sent with. */
  controls: Record<string, ControlValue>;
  /** performance.now() when the run started. */
  startedAt: number;
  /** Outputs this run has shown so far: its k-th takes the place of the previous run's k-th. */
  shown: number;
  finish: (outcome: RunOutcome) => void;
}

/**
 * How long one cell may have been running for a control's new value to wait until the cells under
 * way are done (ms): short cells finish and are drawn while a slider is dragged; a cell that runs
 * longer (a training loop that awaits tick()) is stopped and run again with the new value.
 */
const WAIT_FOR_CELL_UNDER_MS = 250;

/**
 * A notebook's kernel: analyses cells, keeps the dependency graph, and runs dirty cells one at a
 * time in topological order on an executor. Policy (what to run) is in scheduler.ts; this file
 * is the loop and its bookkeeping. The dirty cells go to the runtime as one pass, which runs them
 * back to back: the page's thread, busy drawing figures, is not a round trip between two cells.
 */
export class Session implements KernelSession {
  private cells: CellSource[] = [];
  private analyses = new Map<string, CellAnalysis>();
  private graph: CellGraph = buildGraph([]);
  private readonly views = new CellViews();
  private readonly controls = new Map<string, Record<string, ControlValue>>();
  /** Values the learner chose in an earlier visit, by control name (see restoreControls). */
  private restoredControls: Record<string, ControlValue> = {};
  /** Cells whose declared values the runtime holds right now. */
  private readonly holdsValue = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Dirty cells that must run when their turn comes; the others may keep their values (shouldRun). */
  private readonly due = new Set<string>();
  private active: ActiveRun | undefined;
  /** Runs sent to the runtime whose outcome is not known yet, in the order they run. */
  private readonly planned = new Map<number, PlannedRun>();
  /** Each cell's latest run (run id → cell): what that run's timers show or throw later is the cell's. */
  private readonly latestRuns = new Map<number, string>();
  /** Finished runs whose live() value goes on in the runtime (runtime/live-values.ts): the kernel is busy meanwhile. */
  private readonly liveRuns = new Set<number>();
  /** Live runs whose next chunk waits until the pass re-running their readers is sent (see onLiveValue). */
  private readonly liveToContinue = new Set<number>();
  /** Cells kept from running, with the error they show instead (see hold). */
  private readonly held = new Map<string, CellError>();
  /** Cell code closed the runtime; the next run starts a fresh one. */
  private stopped = false;
  private readonly settling = new Set<() => void>();
  private runCounter = 0;
  private loop: Promise<void> | undefined;
  /** Controls moved while cells were under way, and the timer that watches for a long run (see setControl). */
  private readonly movedDuringPass = new Set<string>();
  private movedTimer: ReturnType<typeof setTimeout> | undefined;
  /** The cells whose figures the learner had on screen at the last control move: a pass runs what they need first. */
  private onScreen: ReadonlySet<string> = new Set();
  /** The last pass ran only the cells on screen: the next waits for their figures to be drawn. */
  private offScreenDeferred = false;
  /** Waiting for those figures: a control moved meanwhile is planned at once (see setControl). */
  private waitingForDraw = false;
  private started: Promise<void>;
  private readonly statusListeners = new Set<(status: KernelStatus, message?: string) => void>();

  constructor(private readonly executor: Executor, private readonly options: SessionOptions = {}) {
    executor.onMessage((message) => this.onRuntimeMessage(message));
    executor.onExit((reason) => this.onRuntimeExit(reason));
    this.started = this.startRuntime('starting');
  }

  setCells(cells: CellSource[]): void {
    const previous = new Map(this.cells.map((c) => [c.id, c.source]));
    const next = new Set(cells.map((c) => c.id));
    for (const [id] of previous) if (!next.has(id)) this.removeCell(id);

    for (const cell of cells) {
      const old = this.analyses.get(cell.id);
      if (old && previous.get(cell.id) === cell.source) continue;
      const analysis = analyzeCell(cell.id, cell.source);
      if (old) {
        this.held.delete(cell.id); // edited: what crashed is gone
        const gone = old.declares.filter((name) => !analysis.declares.includes(name));
        if (gone.length > 0) this.executor.send({ type: 'forget', names: gone });
      }
      this.analyses.set(cell.id, analysis);
    }
    this.cells = cells.map((c) => ({ ...c }));
    const labels = new Map(cells.map((c, i) => [c.id, `cell ${i + 1}`]));
    this.graph = buildGraph(cells.map((c) => this.analyses.get(c.id)!), (id) => labels.get(id) ?? id);
    for (const cell of cells) {
      const analysis = this.analyses.get(cell.id)!;
      this.views.ensure(cell.id, this.graph.readsFromCells.get(cell.id) ?? [], analysis.declares);
    }
  }

  runAll(): Promise<void> {
    return this.schedule(this.cells.map((c) => c.id));
  }

  run(cellIds: string[]): Promise<void> {
    for (const id of cellIds) this.held.delete(id);
    return this.schedule(cellIds);
  }

  hold(cellId: string, error: CellError): void {
    this.held.set(cellId, error);
  }

  /** Marks these cells due, and dirty with what they need and what reads them; the loop runs them. */
  private schedule(cellIds: string[]): Promise<void> {
    const known = [...cellIds.filter((id) => this.analyses.has(id)), ...this.mendedElsewhere()];
    for (const id of known) this.due.add(id);
    for (const id of cellsToRun(this.graph.topology, known, this.holdsValue)) {
      this.dirty.add(id);
      this.views.update(id, { state: 'queued' });
    }
    // A cell that is running with stale inputs stops at its next `await tick()`; it runs again.
    if (this.active && this.dirty.has(this.active.cellId)) this.executor.send({ type: 'cancel', runId: this.active.runId });
    // The runs of the pass not started yet may be stale now: the loop plans a new pass.
    if (this.planned.size > 0) {
      for (const planned of this.planned.values()) if (!planned.active) planned.stale = true;
      this.executor.send({ type: 'drop-queued' });
    }
    return this.ensureLoop();
  }

  setControl(cellId: string, name: string, value: ControlValue, onScreen: readonly string[] = []): Promise<void> {
    this.controls.set(cellId, { ...this.controls.get(cellId), [name]: value });
    this.onScreen = new Set(onScreen);
    // Show the new value at once, before the re-run confirms it.
    const view = this.views.get(cellId);
    const control = view?.outputs.find((o) => o.kind === 'control' && o.name === name);
    if (control && control.kind === 'control') this.views.putOutput(cellId, { ...control, value });
    // A slider dragged at 60 Hz moves faster than its cells run: restarting them at every move
    // would draw nothing until the hand stops. So the cells under way finish (their figures are
    // drawn), then one pass takes the newest value; the values in between are dropped. Only a
    // cell that runs long is stopped for the new value, as an edit stops it.
    // A live value's readers keep a loop going for as long as it computes: the move does not wait for it.
    if (this.loop && !this.waitingForDraw && !this.activeRunsLong() && this.liveRuns.size === 0) {
      this.movedDuringPass.add(cellId);
      if (this.movedTimer === undefined) this.watchForLongRun();
      return this.loop.then(() => this.runMoved());
    }
    return this.schedule([cellId]);
  }

  private activeRunsLong(): boolean {
    return this.active !== undefined && performance.now() - this.active.startedAt >= WAIT_FOR_CELL_UNDER_MS;
  }

  /** While moved controls wait, checks when the running cell would reach the limit: then they run at once. */
  private watchForLongRun(): void {
    const runningFor = this.active ? performance.now() - this.active.startedAt : 0;
    this.movedTimer = setTimeout(() => {
      this.movedTimer = undefined;
      if (this.movedDuringPass.size === 0) return;
      if (this.activeRunsLong()) void this.runMoved();
      else this.watchForLongRun();
    }, Math.max(10, WAIT_FOR_CELL_UNDER_MS - runningFor));
  }

  /** Runs the cells of the controls moved while cells were under way (see setControl). */
  private runMoved(): Promise<void> {
    clearTimeout(this.movedTimer);
    this.movedTimer = undefined;
    if (this.movedDuringPass.size === 0) return this.loop ?? Promise.resolve();
    const moved = [...this.movedDuringPass];
    this.movedDuringPass.clear();
    return this.schedule(moved);
  }

  restoreControls(values: Record<string, ControlValue>): void {
    this.restoredControls = { ...values };
    this.controls.clear();
  }

  async interrupt(): Promise<void> {
    if (this.liveRuns.size > 0) {
      // Live values stop where they are, and the runs showing their last chunk finish (they are
      // short): stopping those would restart the kernel and compute every value again.
      this.executor.send({ type: 'stop-live' });
      this.liveRuns.clear();
      if (this.loop) await this.loop;
      else this.setStatus('ready');
      return;
    }
    if (!this.active) return;
    this.active.finish({ kind: 'killed', error: { kind: 'interrupted', message: 'Interrupted. The kernel was restarted and the cells above were re-run to restore their values.' } });
    await this.loop;
  }

  async restart(): Promise<void> {
    this.movedDuringPass.clear();
    clearTimeout(this.movedTimer);
    this.movedTimer = undefined;
    this.dirty.clear();
    this.due.clear();
    this.dropPlanned();
    this.active?.finish({ kind: 'killed', error: { kind: 'interrupted', message: 'Stopped by a restart.' } });
    await this.loop;
    this.holdsValue.clear();
    this.latestRuns.clear();
    this.liveRuns.clear();
    for (const id of this.views.ids()) this.views.update(id, { state: 'idle', error: undefined, startedAt: undefined });
    await this.startRuntime('restarting');
  }

  /**
   * Waits until the timers cells set that are due within `withinMs` have fired, so what they
   * show or throw is on their cells (the headless runner reports after this). A runtime stuck
   * in a timer's endless loop does not answer: then it gives up a second after that.
   */
  settle(withinMs: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(guard);
        this.settling.delete(done);
        resolve();
      };
      const guard = setTimeout(done, withinMs + 1000);
      this.settling.add(done);
      this.executor.send({ type: 'settle', withinMs });
    });
  }

  view(cellId: string): CellView | undefined {
    return this.views.get(cellId);
  }

  onCellChange(listener: (cellId: string, view: CellView) => void): () => void {
    return this.views.subscribe(listener);
  }

  onStatus(listener: (status: KernelStatus, message?: string) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  dispose(): void {
    this.movedDuringPass.clear();
    clearTimeout(this.movedTimer);
    this.movedTimer = undefined;
    this.dirty.clear();
    this.due.clear();
    this.dropPlanned();
    this.active?.finish({ kind: 'killed', error: { kind: 'interrupted', message: 'The notebook was closed.' } });
    this.executor.dispose();
    this.statusListeners.clear();
  }

  private ensureLoop(): Promise<void> {
    if (!this.loop) {
      this.loop = this.drain().finally(() => {
        this.loop = undefined;
        this.continueLive();
        if (!this.stopped) this.setStatus(this.liveRuns.size > 0 ? 'busy' : 'ready');
      });
    }
    return this.loop;
  }

  private async drain(): Promise<void> {
    if (this.stopped) this.started = this.startRuntime('restarting');
    await this.started;
    this.setStatus('busy');
    for (let pass = await this.planPass(); pass.length > 0; pass = await this.planPass()) {
      for (const run of pass) await this.afterRun(run, await run.outcome);
    }
  }

  /**
   * The dirty cells, in topological order, sent to the runtime as one pass. A cell that cannot
   * run (its own syntax or graph error) fails here, on the page, and ends the pass before it.
   *
   * After a control moved, the cells on screen (and those they read) go first, as a pass of their
   * own; the cells off screen follow once the page has drawn what the first pass showed. On a
   * 2-core machine the runtime computing the cells off screen took a core from the page drawing
   * the figure the learner watches; and a control moved while they wait is planned at once.
   * Not while a live() value streams: its readers' passes are paced by its chunks (onLiveValue).
   */
  private async planPass(): Promise<PlannedRun[]> {
    const defer = this.options.drawn !== undefined && this.liveRuns.size === 0;
    if (this.offScreenDeferred && defer) {
      this.offScreenDeferred = false;
      this.waitingForDraw = true;
      await this.options.drawn!();
      this.waitingForDraw = false;
    }
    const { first, rest } = onScreenFirst(this.graph.topology, this.graph.order.filter((id) => this.dirty.has(id)), this.onScreen);
    this.offScreenDeferred = defer && first.length > 0 && rest.length > 0;
    const ids = this.offScreenDeferred ? first : [...first, ...rest];
    if (ids.length === 0) {
      this.continueLive();
      return [];
    }
    const broken = ids.findIndex((id) => this.errorBeforeRun(id) !== undefined);
    if (broken === 0) return [this.failBeforeRun(ids[0])];
    await this.started;
    const runs = (broken < 0 ? ids : ids.slice(0, broken)).map((id) => this.plan(id));
    this.executor.send({ type: 'pass', runs: runs.map(({ request }) => request) });
    this.continueLive();
    return runs.map(({ run }) => run);
  }

  private errorBeforeRun(id: string): CellError | undefined {
    return this.analyses.get(id)?.error ?? this.graph.errors.get(id) ?? this.held.get(id);
  }

  /** A cell with its own error does not run; the timers of its last good run stop too. */
  private failBeforeRun(id: string): PlannedRun {
    this.dirty.delete(id);
    this.due.delete(id);
    this.holdsValue.delete(id);
    this.retire(id);
    const error = this.errorBeforeRun(id)!;
    return { cellId: id, runId: 0, outcome: Promise.resolve({ kind: 'error', error }), settle: () => {} };
  }

  private plan(id: string): { run: PlannedRun; request: RunRequest } {
    const analysis = this.analyses.get(id)!;
    const runId = ++this.runCounter;
    let settle: (outcome: RunOutcome) => void = () => {};
    const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
    const controls = { ...this.options.initialControls, ...this.restoredControls, ...this.controls.get(id) };
    const run: PlannedRun = { cellId: id, runId, controls, outcome, settle: (result) => {
      this.planned.delete(runId);
      settle(result);
    } };
    this.planned.set(runId, run);
    const request: RunRequest = {
      type: 'run',
      runId,
      cellId: id,
      body: analysis.body,
      reads: this.graph.readsFromCells.get(id) ?? [],
      declares: analysis.declares,
      controls,
      seed: seedFor(analysis.declares),
      mayKeep: !shouldRun(id, this.due, this.holdsValue),
      ...(this.options.liveValues ? { liveValues: this.options.liveValues } : {}),
    };
    return { run, request };
  }

  /** The runtime starts a planned run: it is the active run, with a time limit if the session has one. */
  private onRunStarted(planned: PlannedRun): void {
    const id = planned.cellId;
    if (!planned.stale) {
      this.dirty.delete(id);
      this.due.delete(id);
    }
    this.holdsValue.delete(id);
    this.claimRun(id, planned.runId);
    const startedAt = performance.now();
    this.views.update(id, { state: 'running', startedAt, error: undefined });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run: ActiveRun = {
      cellId: id,
      runId: planned.runId,
      controls: planned.controls ?? {},
      startedAt,
      shown: 0,
      finish: (result: RunOutcome) => {
        if (this.active !== run) return;
        clearTimeout(timer);
        this.active = undefined;
        planned.settle(result);
      },
    };
    planned.active = run;
    this.active = run;
    if (this.options.timeoutMs !== undefined) {
      const limit = this.options.timeoutMs;
      timer = setTimeout(() => run.finish({ kind: 'killed', error: { kind: 'timeout', message: `Stopped after ${limit} ms: the cell did not finish in time (an endless loop?). The kernel was restarted.` } }), limit);
    }
  }

  /** The runtime kept a planned run's cell as it was: none of the names it reads changed. */
  private onRunKept(planned: PlannedRun): void {
    if (planned.stale) {
      planned.settle({ kind: 'not-run' });
      return;
    }
    this.dirty.delete(planned.cellId);
    this.due.delete(planned.cellId);
    planned.settle({ kind: 'kept' });
  }

  /** Every planned run not started is answered: the runtime that had them is gone, or they were dropped. */
  private dropPlanned(): void {
    for (const run of [...this.planned.values()]) if (!run.active) run.settle({ kind: 'not-run' });
  }

  private async afterRun(planned: PlannedRun, outcome: RunOutcome): Promise<void> {
    const id = planned.cellId;
    if (outcome.kind === 'kept') {
      this.keep(id);
      return;
    }
    // Still dirty, or failed with the cell it reads from: the next pass sees to it.
    if (outcome.kind === 'not-run') return;
    if (planned.active) this.recordRun(planned.active, outcome);
    if (outcome.kind === 'done') {
      const declared = this.analyses.get(id)?.declares ?? [];
      for (const reader of readersOfChanged(declared, outcome.unchanged, this.dirty, this.graph.readsFromCells)) this.due.add(reader);
      return;
    }
    if (outcome.kind === 'stopped') {
      this.views.update(id, { state: 'error', error: outcome.error, startedAt: undefined });
      return;
    }
    if (outcome.kind === 'error' && outcome.error.kind === 'interrupted' && this.dirty.has(id)) {
      this.views.update(id, { state: 'queued' }); // superseded by a newer run of the same cell
      return;
    }
    this.views.update(id, { state: 'error', error: outcome.error, startedAt: undefined });
    this.failDownstream(id);
    if (outcome.kind === 'killed') await this.recover(id);
  }

  /** A run that started is over: its time, its tensors, and whether the runtime holds its value. */
  private recordRun(run: ActiveRun, outcome: RunOutcome): void {
    const id = run.cellId;
    const durationMs = performance.now() - run.startedAt;
    // What the previous run showed beyond this run's outputs goes now, not before: no flash.
    const outputs = this.views.get(id)?.outputs;
    if (outputs && outputs.length > run.shown) this.views.update(id, { outputs: outputs.slice(0, run.shown) });
    const tensors = outcome.kind === 'done' || outcome.kind === 'error' ? outcome.tensors : undefined;
    if (outcome.kind === 'done') {
      // An error on the cell now came after its 'done' was sent, before the pass got here: a
      // rejection or a timer of this run (a late error), or the runtime closing itself right
      // after it (then the value went with it). The error stays on the cell.
      if (!this.stopped) this.holdsValue.add(id);
      const failedSince = this.views.get(id)?.state === 'error';
      this.views.update(id, failedSince ? { durationMs, tensors, startedAt: undefined } : { state: 'done', durationMs, tensors, startedAt: undefined, error: undefined });
    } else {
      this.views.update(id, { durationMs, tensors });
    }
  }

  private onRuntimeMessage(message: FromRuntime): void {
    switch (message.type) {
      case 'ready':
        return;
      case 'started':
      case 'kept':
      case 'skipped': {
        const planned = this.planned.get(message.runId);
        if (!planned) return;
        if (message.type === 'started') this.onRunStarted(planned);
        else if (message.type === 'kept') this.onRunKept(planned);
        else planned.settle({ kind: 'not-run' });
        return;
      }
      case 'dropped':
        for (const runId of message.runIds) this.planned.get(runId)?.settle({ kind: 'not-run' });
        return;
      case 'settled':
        for (const done of [...this.settling]) done();
        return;
      case 'fault':
        if (this.active) this.showOutput(this.active, { id: `fault:${Date.now()}`, kind: 'log', level: 'error', text: message.message });
        return;
      case 'closed':
        this.onRuntimeClosed(message.cellId);
        return;
      case 'late-error': {
        const cellId = this.latestRuns.get(message.runId);
        if (cellId !== undefined) this.showLateError(cellId, message.error);
        return;
      }
      case 'live-value':
        this.onLiveValue(message.runId, message.last);
        return;
      case 'live-ended':
        this.endLive(message.runId);
        return;
    }
    const active = this.active;
    if (!active || active.runId !== message.runId) {
      // A finished run's timer showing more: it belongs to that cell, unless the cell ran since.
      const cellId = this.latestRuns.get(message.runId);
      if (cellId !== undefined && message.type !== 'done') this.views.putOutput(cellId, message.output);
      return;
    }
    if (message.type === 'done') {
      const analysis = this.analyses.get(active.cellId);
      const tensors = message.tensors;
      if (message.ok && message.live) this.liveRuns.add(message.runId);
      active.finish(message.ok ? { kind: 'done', tensors, unchanged: namesOnly(message.unchanged) } : { kind: 'error', error: analysis ? errorInSource(analysis, message.error) : message.error, tensors });
      return;
    }
    if (message.type === 'output') this.showOutput(active, message.output);
    else this.updateOutput(active, message.output);
  }

  /**
   * A run's k-th output takes the place of the previous run's k-th, so the page updates each
   * output where it stands (a figure redrawn, a control kept under the pointer mid-drag) instead of
   * emptying the cell and building it again; the previous run's further outputs stay until the
   * run ends (runCell drops them).
   */
  private showOutput(run: ActiveRun, output: Output): void {
    // A control moved after this run was sent keeps the newer value (the run that has it comes
    // next): a slider dragged on would jump back under the pointer.
    if (output.kind === 'control') {
      const moved = this.controls.get(run.cellId)?.[output.name];
      if (moved !== undefined && moved !== run.controls[output.name]) output = { ...output, value: moved };
    }
    const outputs = this.views.get(run.cellId)?.outputs ?? [];
    const at = run.shown++;
    this.views.update(run.cellId, { outputs: at < outputs.length ? outputs.map((o, i) => (i === at ? output : o)) : [...outputs.slice(0, at), output] });
  }

  /** An output of this run updated in place (a growing log, a display handle): never the previous run's output of the same id. */
  private updateOutput(run: ActiveRun, output: Output): void {
    const outputs = this.views.get(run.cellId)?.outputs ?? [];
    const at = outputs.findIndex((o, i) => i < run.shown && o.id === output.id);
    if (at >= 0) this.views.update(run.cellId, { outputs: outputs.map((o, i) => (i === at ? output : o)) });
  }

  /**
   * A finished run's live value has a new chunk: its readers run with it (and what reads them, as
   * for a control), and the runtime computes the next chunk after them. A run that a newer one
   * replaced is ignored: the new run stopped its generator.
   */
  private onLiveValue(runId: number, last: boolean): void {
    const cellId = this.latestRuns.get(runId);
    if (last) this.endLive(runId);
    if (cellId === undefined || !this.liveRuns.has(runId) && !last) return;
    const declared = this.analyses.get(cellId)?.declares ?? [];
    const readers = [...this.graph.readsFromCells].filter(([, names]) => names.some((name) => declared.includes(name))).map(([id]) => id);
    if (last) {
      if (readers.length > 0) void this.schedule(readers);
      return;
    }
    // The next chunk may start once the pass with the readers is sent: the runtime runs that pass
    // first, then computes the next chunk while this page draws the readers' figures.
    this.liveToContinue.add(runId);
    if (readers.length === 0) this.continueLive();
    else void this.schedule(readers);
  }

  /** The live values whose readers' pass is on its way to the runtime compute their next chunks. */
  private continueLive(): void {
    for (const runId of this.liveToContinue) this.executor.send({ type: 'live-continue', runId });
    this.liveToContinue.clear();
  }

  /** A run's live value is over (its last chunk, an error, a new run of its cell): the kernel is idle unless cells run. */
  private endLive(runId: number): void {
    if (!this.liveRuns.delete(runId)) return;
    if (!this.loop && !this.stopped) this.setStatus(this.liveRuns.size > 0 ? 'busy' : 'ready');
  }

  /** An error a cell caused after its run finished (a timer, a rejected promise): shown as if it threw it. */
  private showLateError(cellId: string, error: CellError): void {
    const analysis = this.analyses.get(cellId);
    this.views.update(cellId, { state: 'error', error: analysis ? errorInSource(analysis, error) : error });
  }

  /**
   * Cell code closed the runtime (`self.close()`). The kernel is dead until a restart or the
   * next run: nothing is re-run on its own, which would only run the closing cell again.
   */
  private onRuntimeClosed(cellId: string | undefined): void {
    const culprit = cellId !== undefined && this.analyses.has(cellId) ? cellId : undefined;
    const who = culprit !== undefined ? this.label(culprit) : 'cell code';
    this.executor.kill();
    this.stopped = true;
    this.holdsValue.clear();
    this.latestRuns.clear();
    this.liveRuns.clear();
    for (const id of this.dirty) this.views.update(id, { state: 'idle' });
    this.dirty.clear();
    this.due.clear();
    this.dropPlanned();
    const closedHere: CellError = { kind: 'crash', message: 'This cell closed the kernel (self.close()), so the kernel stopped and every value was lost. Use Restart to start a fresh one.' };
    const activeId = this.active?.cellId;
    this.active?.finish({
      kind: 'stopped',
      error: activeId === culprit ? closedHere : { kind: 'crash', message: `The kernel stopped while this cell ran: ${who} closed it (self.close()). Use Restart to start a fresh one.` },
    });
    if (culprit !== undefined && culprit !== activeId) this.views.update(culprit, { state: 'error', error: closedHere, startedAt: undefined });
    this.setStatus('dead', `The kernel stopped: ${who} called self.close().`);
    for (const done of [...this.settling]) done();
  }

  private onRuntimeExit(reason: string): void {
    if (this.active) {
      this.active.finish({ kind: 'killed', error: { kind: 'crash', message: `The kernel stopped while running this cell (${reason}). It was restarted; run the cell again, perhaps with less data.` } });
    } else {
      this.dropPlanned();
      this.holdsValue.clear();
      this.latestRuns.clear();
      this.liveRuns.clear();
      this.setStatus('dead', reason);
      this.started = this.startRuntime('restarting');
    }
  }

  /** After a kill: fresh runtime, then re-run every cell that held a value, except the culprit's downstream. */
  private async recover(culprit: string): Promise<void> {
    this.dropPlanned();
    const restore = [...this.holdsValue].filter((id) => id !== culprit);
    this.holdsValue.clear();
    this.latestRuns.clear();
    this.liveRuns.clear();
    this.started = this.startRuntime('restarting');
    await this.started;
    for (const id of restore) {
      this.dirty.add(id);
      this.views.update(id, { state: 'queued' });
    }
  }

  /**
   * Cells showing an error of the notebook's shape (a name declared twice, a cycle) that an edit
   * of another cell mended: they run with the next run, as the edited cell's own downstream does.
   */
  private mendedElsewhere(): string[] {
    return this.cells
      .map((c) => c.id)
      .filter((id) => {
        const kind = this.views.get(id)?.error?.kind;
        return (kind === 'duplicate' || kind === 'cycle') && !this.graph.errors.has(id) && !this.analyses.get(id)?.error;
      });
  }

  /** Cells waiting on a failed cell say so instead of failing with a confusing ReferenceError. */
  private failDownstream(failed: string): void {
    const label = this.label(failed);
    for (const id of this.graph.topology.descendants([failed])) {
      if (id === failed || !this.dirty.has(id)) continue;
      this.dirty.delete(id);
      this.due.delete(id);
      this.holdsValue.delete(id);
      // A cell with its own syntax or graph error shows that: it is the one to fix there.
      const own = this.analyses.get(id)?.error ?? this.graph.errors.get(id);
      this.views.update(id, {
        state: 'error',
        startedAt: undefined,
        error: own ?? { kind: 'upstream', message: `Stale: ${label} failed, so this cell did not run. Fix ${label} and it runs again.`, upstreamCellId: failed },
      });
    }
  }

  private removeCell(id: string): void {
    // Its run waiting in the runtime's queue would declare its names again: the loop plans anew.
    if ([...this.planned.values()].some((run) => run.cellId === id && !run.active)) this.executor.send({ type: 'drop-queued' });
    const analysis = this.analyses.get(id);
    if (analysis && analysis.declares.length > 0) this.executor.send({ type: 'forget', names: analysis.declares });
    this.retire(id);
    this.analyses.delete(id);
    this.controls.delete(id);
    this.holdsValue.delete(id);
    this.dirty.delete(id);
    this.due.delete(id);
    this.views.delete(id);
    this.held.delete(id);
  }

  /**
   * A dirty cell none of whose inputs changed: it keeps its value, its outputs and the timers
   * its last run set, and shows what it showed before it was queued.
   */
  private keep(id: string): void {
    this.views.update(id, { state: this.views.get(id)?.error ? 'error' : 'done' });
  }

  /** Records the cell's new run as its latest: the previous run's late output and errors are dropped. */
  private claimRun(cellId: string, runId: number): void {
    for (const [run, owner] of this.latestRuns) if (owner === cellId) this.forgetRun(run);
    this.latestRuns.set(runId, cellId);
  }

  /** The cell's last run is over for good: its timers stop, and what they would still show is dropped. */
  private retire(cellId: string): void {
    for (const [run, owner] of this.latestRuns) if (owner === cellId) this.forgetRun(run);
    this.executor.send({ type: 'retire', cellId });
  }

  /** A run is no longer its cell's latest: what it shows or throws later is dropped, its live value stopped in the runtime. */
  private forgetRun(runId: number): void {
    this.latestRuns.delete(runId);
    this.endLive(runId);
  }

  private label(cellId: string): string {
    return `cell ${this.cells.findIndex((c) => c.id === cellId) + 1}`;
  }

  private async startRuntime(status: KernelStatus): Promise<void> {
    this.stopped = false;
    this.setStatus(status);
    try {
      await this.executor.start();
      this.setStatus(this.loop ? 'busy' : 'ready');
    } catch (error) {
      this.setStatus('dead', (error as Error).message);
      throw error;
    }
  }

  private setStatus(status: KernelStatus, message?: string): void {
    for (const listener of this.statusListeners) listener(status, message);
  }
}

/** The runtime's list of unchanged names, if it is one (anything else: every name changed). */
function namesOnly(names: unknown): string[] {
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
}
