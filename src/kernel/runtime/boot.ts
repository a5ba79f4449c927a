import * as tf from '@tensorflow/tfjs';
import * as mlMatrix from 'ml-matrix';
import * as prelude from './prelude.ts';
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
 * sandboxed Node process): cell globals installed, TensorFlow.js on its CPU backend, console
 * calls routed to the running cell, timers owned by the cell that sets them, `close()` reported.
 * Posts `ready` when it can take runs.
 */
export async function bootRuntime(post: (message: FromRuntime) => void): Promise<BootedRuntime> {
  // PROD silences TensorFlow.js's one-time "install tfjs-node" banner, which would otherwise
  // land in the first cell that makes a tensor. The CPU backend gives the same numbers on every
  // machine (WebGL's float precision varies by GPU) and was the fastest for the library's small
  // tensors when measured in Chromium on a 2-core machine.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();

  Object.assign(globalThis, prelude);
  const runtime = createRuntime(post, {
    modules: { '@tensorflow/tfjs': tf, 'ml-matrix': mlMatrix, stepwise: prelude },
    liveTensors: () => tf.memory().numTensors,
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
