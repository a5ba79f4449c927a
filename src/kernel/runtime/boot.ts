import * as tf from '@tensorflow/tfjs';
import * as mlMatrix from 'ml-matrix';
import * as prelude from './prelude.ts';
import { createRuntime } from './runtime.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';

const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Starts the runtime in the current global scope (a sandboxed worker or the headless runner's sandboxed Node process):
 * cell globals installed, TensorFlow.js on its CPU backend, console calls routed to the running
 * cell. Returns the message handler; posts `ready` when it can take runs.
 */
export async function bootRuntime(post: (message: FromRuntime) => void): Promise<(message: ToRuntime) => void> {
  // PROD silences TensorFlow.js's one-time "install tfjs-node" banner, which would otherwise
  // land in the first cell that makes a tensor. The CPU backend gives the same numbers on every
  // machine (WebGL's float precision varies by GPU) and is the fastest here (design.md).
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();

  Object.assign(globalThis, prelude);
  const runtime = createRuntime(post, {
    modules: { '@tensorflow/tfjs': tf, 'ml-matrix': mlMatrix, stepwise: prelude },
    liveTensors: () => tf.memory().numTensors,
  });

  for (const level of CONSOLE_LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (!runtime.logToActive(level, args)) original(...args);
    };
  }
  post({ type: 'ready' });
  return runtime.handle;
}
