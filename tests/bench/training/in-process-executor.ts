import * as tf from '@tensorflow/tfjs';
import * as mlMatrix from 'ml-matrix';
import * as prelude from '../../../src/kernel/runtime/prelude.ts';
import { createRuntime } from '../../../src/kernel/runtime/runtime.ts';
import type { Executor } from '../../../src/kernel/executor.ts';
import type { FromRuntime, ToRuntime } from '../../../src/kernel/protocol.ts';

/**
 * The runtime in this process, without a sandbox: for measurements that must see inside it (the
 * training benchmark counts TensorFlow.js's gradient computations). Messages go both ways in a
 * task of their own, as between a page and its worker. Never for notebooks one does not trust.
 */
export class InProcessExecutor implements Executor {
  private runtime: ReturnType<typeof createRuntime> | undefined;
  private readonly listeners: ((message: FromRuntime) => void)[] = [];
  /** Sees every message both ways, before it is delivered. */
  constructor(private readonly watch: (message: ToRuntime | FromRuntime) => void = () => {}) {}

  start(): Promise<void> {
    // The cells' globals, as the sandbox's boot installs them (its timers stay this process's own).
    Object.assign(globalThis, prelude);
    this.runtime ??= createRuntime((message) => {
      this.watch(message);
      setImmediate(() => this.listeners.forEach((listener) => listener(message)));
    }, { modules: { '@tensorflow/tfjs': tf, 'ml-matrix': mlMatrix, stepwise: prelude }, liveTensors: () => tf.memory().numTensors });
    return Promise.resolve();
  }

  send(message: ToRuntime): void {
    this.watch(message);
    setImmediate(() => this.runtime?.handle(message));
  }

  onMessage(listener: (message: FromRuntime) => void): void {
    this.listeners.push(listener);
  }

  onExit(): void {}

  kill(): void {
    throw new Error('an in-process runtime cannot be killed: run only notebooks that finish');
  }

  dispose(): void {
    this.runtime = undefined;
  }
}
