import { Worker } from 'node:worker_threads';
import type { Executor } from '../executor.ts';
import { isFromRuntime, type FromRuntime, type ToRuntime } from '../protocol.ts';

const entry = new URL('./worker-thread.mjs', import.meta.url);

/** Runs cells in a Node worker thread; `kill` terminates it even inside an endless loop. */
export class NodeExecutor implements Executor {
  private worker: Worker | undefined;
  private readonly messageListeners: ((message: FromRuntime) => void)[] = [];
  private readonly exitListeners: ((reason: string) => void)[] = [];

  start(): Promise<void> {
    this.kill();
    const worker = new Worker(entry, { stdout: false, stderr: false });
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: unknown) => {
        if (this.worker !== worker || !isFromRuntime(message)) return;
        if (message.type === 'ready') resolve();
        for (const listener of this.messageListeners) listener(message);
      });
      worker.on('error', (error) => {
        if (this.worker !== worker) return;
        reject(error);
        this.worker = undefined;
        for (const listener of this.exitListeners) listener(error.message);
      });
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        reject(new Error(`the runtime exited with code ${code} before it was ready`));
        for (const listener of this.exitListeners) listener(`exit code ${code}`);
      });
    });
  }

  send(message: ToRuntime): void {
    this.worker?.postMessage(message);
  }

  onMessage(listener: (message: FromRuntime) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }

  kill(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  dispose(): void {
    this.kill();
    this.messageListeners.length = 0;
    this.exitListeners.length = 0;
  }
}
