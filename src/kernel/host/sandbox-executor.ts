import type { Executor } from '../executor.ts';
import { isFromRuntime, type FromRuntime, type ToRuntime } from '../protocol.ts';
import { frameDocument } from './frame-document.ts';
import { keepFrame, takeKeptFrame } from './kept-frame.ts';
import { RepeatedTraces } from '../repeated-traces.ts';

/** A run that has lasted this long (ms) gets the spare runtime booted, in case it is interrupted. */
const LONG_RUN_MS = 1500;
/** Idle this long (ms) after its runs, the kernel gets its spare runtime booted. */
const SPARE_AFTER_IDLE_MS = 4000;
/** The page asks the frame whether it is alive this often (ms)... */
const HEARTBEAT_MS = 1000;
/** ...and takes it for dead after this many questions in a row go unanswered. */
const MISSED_HEARTBEATS = 5;
/** Why the kernel stopped when its frame's process did (exhausting the heap is the usual way). */
export const FRAME_DIED = "out of memory, most likely: the sandbox's process stopped";

/** Messages the frame may send; anything else (or from another window) is ignored. */
type FrameMessage = { channel: 'stepwise-sandbox'; loaded?: true; pong?: true; activated?: number; worker?: number; exit?: string };

/** The channel to the active worker, or the messages waiting for the next one's. */
type Channel = { port: MessagePort } | { waiting: ToRuntime[] };

function isFrameMessage(data: unknown): data is FrameMessage {
  return typeof data === 'object' && data !== null && (data as FrameMessage).channel === 'stepwise-sandbox';
}

/**
 * Runs cells in a classic Blob worker inside a sandboxed, CSP-locked iframe. The page never
 * evaluates cell code itself. `kill` terminates the worker (even in `while (true) {}`); `start`
 * builds a fresh one from the same runtime text.
 *
 * A cell that exhausts the heap kills the frame's whole process, not just its worker (Chromium
 * gives a page no way to cap a worker's heap, and the worker's `onerror` never fires), and the
 * page gets no event for it. Where the frame has a process of its own (Chromium isolates
 * sandboxed frames) the page lives on: it asks the frame every second whether it is alive (the
 * frame's own thread answers even while the worker is busy), and a frame that stops answering is
 * replaced by a new one and reported as the runtime's exit (FRAME_DIED). Where it shares the
 * page's process, the tab goes with it (ui/notebook/crash-guard.ts keeps that from repeating).
 */
export class SandboxExecutor implements Executor {
  private frame: HTMLIFrameElement | undefined;
  private frameLoaded: Promise<void> | undefined;
  private onFrameLoaded: (() => void) | undefined;
  private onReady: (() => void) | undefined;
  private booted = false;
  /** The serial number of the frame's active worker: the exits of others are dropped. */
  private activeWorker: number | undefined;
  /**
   * The channel to the active worker (frame-document.ts). Between a restart and the new worker's
   * channel, messages wait in `waiting`; after a kill, with no worker to take them, they are dropped.
   */
  private channel: Channel | undefined;
  /** Runs sent and not done yet: the spare runtime is asked for when none are left. */
  private readonly runsInFlight = new Set<number>();
  private spareAsked = false;
  private spareTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly messageListeners: ((message: FromRuntime) => void)[] = [];
  /** Puts back the figure traces the worker sent as "same as last run" (repeated-traces.ts). */
  private readonly repeated = new RepeatedTraces();
  private readonly exitListeners: ((reason: string) => void)[] = [];
  private readonly onWindowMessage = (event: MessageEvent) => this.receive(event);
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Heartbeats in a row the frame has not answered yet. */
  private unanswered = 0;

  constructor(private readonly loadRuntime: () => Promise<Blob>, private readonly container: HTMLElement = document.body) {}

  async start(): Promise<void> {
    if (!this.frame) this.adoptKeptFrame();
    const [source] = await Promise.all([this.booted ? Promise.resolve(undefined) : this.loadRuntime(), this.ensureFrame()]);
    const ready = new Promise<void>((resolve) => (this.onReady = resolve));
    await this.bootOrRestart(source);
    await ready;
  }

  /** Boots the runtime in a frame that has none yet, or replaces the frame's worker with a fresh runtime. */
  private async bootOrRestart(source: Blob | undefined): Promise<void> {
    this.runsInFlight.clear();
    this.closeChannel({ waiting: [] });
    this.spareAsked = false; // a restart uses up the frame's spare
    if (this.booted) this.post({ restart: true });
    else {
      this.post({ boot: source ?? (await this.loadRuntime()) });
      this.booted = true;
    }
  }

  send(message: ToRuntime): void {
    if (this.channel === undefined) return;
    this.repeated.noteRequest(message);
    if ('port' in this.channel) this.channel.port.postMessage(message);
    else this.channel.waiting.push(message);
  }

  onMessage(listener: (message: FromRuntime) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }

  kill(): void {
    this.post({ kill: true });
    this.closeChannel(undefined);
  }

  /** Stops listening to the active worker: what it still says is dropped. */
  private closeChannel(next: Channel | undefined): void {
    if (this.channel && 'port' in this.channel) this.channel.port.close();
    this.channel = next;
  }

  /**
   * Closes the kernel. A booted frame is kept for the next notebook's kernel, its worker stopped
   * and its spare runtime booting (or booted): the next notebook starts on a fresh runtime without
   * waiting for a frame and a worker to load TensorFlow.js (kept-frame.ts).
   */
  dispose(): void {
    clearTimeout(this.spareTimer);
    clearInterval(this.heartbeat);
    window.removeEventListener('message', this.onWindowMessage);
    this.closeChannel(undefined);
    if (this.frame && this.booted) {
      this.post({ kill: true });
      this.post({ spare: true });
      keepFrame(this.frame);
    } else this.frame?.remove();
    this.frame = undefined;
    this.messageListeners.length = 0;
    this.exitListeners.length = 0;
  }

  /** Starts on the frame the previous kernel left, if there is one: it is booted, with a spare runtime. */
  private adoptKeptFrame(): void {
    const kept = takeKeptFrame();
    if (!kept) return;
    this.frame = kept;
    this.frameLoaded = Promise.resolve();
    this.booted = true;
    window.addEventListener('message', this.onWindowMessage);
    this.listenForHeartbeat();
  }

  private ensureFrame(): Promise<void> {
    if (this.frameLoaded) return this.frameLoaded;
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('title', 'Stepwise sandbox');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.display = 'none';
    frame.srcdoc = frameDocument();
    this.frame = frame;
    this.frameLoaded = new Promise((resolve) => (this.onFrameLoaded = resolve));
    window.addEventListener('message', this.onWindowMessage);
    this.container.appendChild(frame);
    return this.frameLoaded;
  }

  private listenForHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.unanswered = 0;
    // The count goes up only while the page's own timers run: a page too busy to read the
    // answers is also too busy to count them as missed.
    this.heartbeat = setInterval(() => {
      if (this.unanswered >= MISSED_HEARTBEATS) this.frameDied();
      else {
        this.unanswered += 1;
        this.post({ ping: true });
      }
    }, HEARTBEAT_MS);
  }

  /** The frame's process is gone: a new frame replaces it, and the kernel hears its runtime exited. */
  private frameDied(): void {
    clearInterval(this.heartbeat);
    this.frame?.remove();
    this.frame = undefined;
    this.frameLoaded = undefined;
    this.booted = false;
    this.activeWorker = undefined;
    this.closeChannel(undefined);
    const starting = this.onReady !== undefined;
    if (starting) {
      // Dead before it was ready (a kept frame that died meanwhile): the start goes on in a new frame.
      void this.ensureFrame().then(() => this.bootOrRestart(undefined));
      return;
    }
    for (const listener of this.exitListeners) listener(FRAME_DIED);
  }

  private runStarted(runId: number): void {
    this.runsInFlight.add(runId);
    // A run this long may well be interrupted: have the spare ready for it.
    setTimeout(() => {
      if (this.runsInFlight.has(runId)) this.askSpare();
    }, LONG_RUN_MS);
  }

  /**
   * Once the kernel has been idle for SPARE_AFTER_IDLE_MS (or a run has lasted LONG_RUN_MS), the
   * frame boots its spare runtime (for a fast interrupt) when the page is next idle. Sooner, it
   * would take a core from the first runs and figures, and a reader who only opens a notebook
   * (or a test that opens many) would pay a second runtime's start for every page.
   */
  private runFinished(runId: number): void {
    this.runsInFlight.delete(runId);
    if (this.runsInFlight.size > 0 || this.spareAsked) return;
    clearTimeout(this.spareTimer);
    this.spareTimer = setTimeout(() => {
      if (this.runsInFlight.size > 0) return; // a run in flight asks after LONG_RUN_MS itself
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => this.askSpare(), { timeout: 2000 });
      else this.askSpare();
    }, SPARE_AFTER_IDLE_MS);
  }

  private askSpare(): void {
    if (this.spareAsked) return;
    this.spareAsked = true;
    this.post({ spare: true });
  }

  private post(message: Record<string, unknown>): void {
    // An opaque-origin frame cannot be addressed by origin; the data is not secret.
    this.frame?.contentWindow?.postMessage({ channel: 'stepwise-host', ...message }, '*');
  }

  private receive(event: MessageEvent): void {
    if (!this.frame || event.source !== this.frame.contentWindow || !isFrameMessage(event.data)) return;
    const data = event.data;
    if (data.pong) this.unanswered = 0;
    else if (data.loaded) {
      // Heard from only once its document runs: a frame slow to start is not taken for dead.
      this.listenForHeartbeat();
      this.onFrameLoaded?.();
    }
    else if (typeof data.activated === 'number' && event.ports.length === 1) this.activated(data.activated, event.ports[0]);
    else if (data.worker !== this.activeWorker) return; // a replaced worker's last words
    else if (typeof data.exit === 'string') for (const listener of this.exitListeners) listener(data.exit);
  }

  /** A new worker runs: its channel takes the messages sent since the restart, and what it says is heard. */
  private activated(worker: number, port: MessagePort): void {
    this.activeWorker = worker;
    this.repeated.reset(); // the new worker remembers no figure
    const waiting = this.channel && 'waiting' in this.channel ? this.channel.waiting : [];
    this.closeChannel({ port });
    port.onmessage = (event: MessageEvent<unknown>) => this.fromRuntime(event.data);
    for (const message of waiting) port.postMessage(message);
  }

  private fromRuntime(data: unknown): void {
    if (!isFromRuntime(data)) return;
    const message = this.repeated.decode(data);
    if (message.type === 'ready') {
      this.onReady?.();
      this.onReady = undefined;
    }
    if (message.type === 'started') this.runStarted(message.runId);
    if (message.type === 'done') this.runFinished(message.runId);
    for (const listener of this.messageListeners) listener(message);
  }
}
