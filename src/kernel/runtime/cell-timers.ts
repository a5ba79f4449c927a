/**
 * Timers belong to the cell whose run set them. The runtime replaces the scope's setTimeout,
 * setInterval and requestAnimationFrame with versions that remember that run, call back as it
 * (so console output and errors land on that cell, not on whichever cell runs at the time), and
 * can all be stopped when the cell runs again or is deleted.
 */
/** The scope's own setTimeout, taken when this module loads, before ownTimers replaces it. */
export const schedule: (callback: () => void, ms: number) => unknown = globalThis.setTimeout.bind(globalThis);

export interface TimerScope {
  setTimeout(callback: unknown, delay?: number, ...args: unknown[]): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: unknown, delay?: number, ...args: unknown[]): unknown;
  clearInterval(handle: unknown): void;
  requestAnimationFrame?(callback: (time: number) => void): number;
  cancelAnimationFrame?(handle: number): void;
}

export interface TimerOwner {
  readonly cellId: string;
}

export interface CellTimerHooks<Owner extends TimerOwner> {
  /** The run setting a timer now, if any (a timer set outside every run belongs to no cell). */
  owner(): Owner | undefined;
  /** Calls a timer's callback as its run; false when the callback threw. */
  runAs(owner: Owner, callback: () => unknown): boolean;
}

export interface CellTimers {
  /** Stops every timer this cell set. */
  clear(cellId: string): void;
  /** Whether a timeout, a frame or an interval's first tick is still to come before `time` (performance.now()). */
  pendingBefore(time: number): boolean;
}

type Kind = 'timeout' | 'interval' | 'frame';
interface Timer {
  cellId: string;
  kind: Kind;
  /** When it first fires; undefined once it has. */
  due: number | undefined;
}

/** A frame is about 16 ms away. */
const FRAME_MS = 16;

export function ownTimers<Owner extends TimerOwner>(scope: TimerScope, hooks: CellTimerHooks<Owner>): CellTimers {
  const native = {
    setTimeout: scope.setTimeout.bind(scope),
    clearTimeout: scope.clearTimeout.bind(scope),
    setInterval: scope.setInterval.bind(scope),
    clearInterval: scope.clearInterval.bind(scope),
    requestAnimationFrame: scope.requestAnimationFrame?.bind(scope),
    cancelAnimationFrame: scope.cancelAnimationFrame?.bind(scope),
  };
  // Timeouts and intervals share one handle space; frames have their own.
  const timers = new Map<unknown, Timer>();
  const frames = new Map<number, Timer>();

  const stop = (handle: unknown, timer: Timer) => {
    if (timer.kind === 'frame') {
      frames.delete(handle as number);
      native.cancelAnimationFrame?.(handle as number);
    } else {
      timers.delete(handle);
      (timer.kind === 'interval' ? native.clearInterval : native.clearTimeout)(handle);
    }
  };

  scope.setTimeout = (callback: unknown, delay?: number, ...args: unknown[]) => {
    const owner = hooks.owner();
    if (!owner || typeof callback !== 'function') return native.setTimeout(callback, delay, ...args);
    const handle = native.setTimeout(() => {
      timers.delete(handle);
      hooks.runAs(owner, () => callback(...args));
    }, delay);
    timers.set(handle, { cellId: owner.cellId, kind: 'timeout', due: performance.now() + (Number(delay) || 0) });
    return handle;
  };

  scope.setInterval = (callback: unknown, delay?: number, ...args: unknown[]) => {
    const owner = hooks.owner();
    if (!owner || typeof callback !== 'function') return native.setInterval(callback, delay, ...args);
    const timer: Timer = { cellId: owner.cellId, kind: 'interval', due: performance.now() + (Number(delay) || 0) };
    const handle = native.setInterval(() => {
      timer.due = undefined;
      // An interval that throws is stopped: its error is shown once, not again on every tick.
      if (!hooks.runAs(owner, () => callback(...args))) stop(handle, timer);
    }, delay);
    timers.set(handle, timer);
    return handle;
  };

  scope.clearTimeout = (handle: unknown) => {
    timers.delete(handle);
    native.clearTimeout(handle);
  };
  scope.clearInterval = (handle: unknown) => {
    timers.delete(handle);
    native.clearInterval(handle);
  };

  if (native.requestAnimationFrame && native.cancelAnimationFrame) {
    const request = native.requestAnimationFrame;
    const cancel = native.cancelAnimationFrame;
    scope.requestAnimationFrame = (callback: (time: number) => void) => {
      const owner = hooks.owner();
      if (!owner) return request(callback);
      const handle = request((time) => {
        frames.delete(handle);
        hooks.runAs(owner, () => callback(time));
      });
      frames.set(handle, { cellId: owner.cellId, kind: 'frame', due: performance.now() + FRAME_MS });
      return handle;
    };
    scope.cancelAnimationFrame = (handle: number) => {
      frames.delete(handle);
      cancel(handle);
    };
  }

  return {
    clear(cellId) {
      for (const map of [timers, frames] as Map<unknown, Timer>[]) {
        for (const [handle, timer] of [...map]) if (timer.cellId === cellId) stop(handle, timer);
      }
    },
    pendingBefore(time) {
      for (const map of [timers, frames] as Map<unknown, Timer>[]) {
        for (const timer of map.values()) if (timer.due !== undefined && timer.due <= time) return true;
      }
      return false;
    },
  };
}
