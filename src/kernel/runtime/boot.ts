import * as tf from '@tensorflow/tfjs';
import * as mlMatrix from 'ml-matrix';
import * as prelude from './prelude.ts';
import { tfjsLoaded } from './tfjs-on-demand.ts';
import { createRuntime } from './runtime.ts';
import { activeRun } from './active-run.ts';
import type { TimerScope } from './cell-timers.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';

const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export interface BootedRuntime {
  handle(message: ToRuntime): void;
  /** Reports an uncaught error or unhandled rejection of the scope on the cell that caused it. */
  uncaught(error: unknown, rejection: boolean): void;
}

/**
 * Starts the runtime in the current global scope (a sandboxed worker or the headless runner's
 * sandboxed Node process): cell globals installed, console calls routed to the running cell,
 * timers owned by the cell that sets them, `close()` reported. TensorFlow.js is evaluated when a
 * notebook first uses it, set up in tfjs-entry.ts. Posts `ready` when it can take runs.
 */
export function bootRuntime(post: (message: FromRuntime) => void): BootedRuntime {
  Object.assign(globalThis, prelude);
  const runtime = createRuntime(post, {
    modules: { '@tensorflow/tfjs': tf, 'ml-matrix': mlMatrix, stepwise: prelude },
    // Asking TensorFlow.js would load it: until a notebook has, it holds no tensors.
    liveTensors: () => (tfjsLoaded() ? tf.memory().numTensors : 0),
    timerScope: globalThis as unknown as TimerScope,
  });

  // A worker that closes itself sends nothing more, so the page would wait on it for ever: say
  // so first, naming the cell whose code (or timer) closed it. The page then stops the kernel.
  const scope = globalThis as { close?: () => void };
  const nativeClose = scope.close?.bind(globalThis);
  scope.close = () => {
    post({ type: 'closed', cellId: activeRun()?.cellId });
    nativeClose?.();
  };

  for (const level of CONSOLE_LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (!runtime.logToActive(level, args)) original(...args);
    };
  }
  post({ type: 'ready' });
  return { handle: runtime.handle, uncaught: runtime.uncaught };
}
