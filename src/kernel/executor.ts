import type { FromRuntime, ToRuntime } from './protocol.ts';

/**
 * Where cells run: a sandboxed browser worker (host/) or a sandboxed Node process (node/). The
 * scheduler only sends and receives plain messages, and can replace a stuck runtime.
 */
export interface Executor {
  /** Starts a fresh runtime, replacing any current one; resolves once it is ready. */
  start(): Promise<void>;
  send(message: ToRuntime): void;
  onMessage(listener: (message: FromRuntime) => void): void;
  /** Called when the runtime dies on its own (a crash or out of memory), not when killed. */
  onExit(listener: (reason: string) => void): void;
  /** Ends the current runtime at once, even in the middle of `while (true) {}`. */
  kill(): void;
  dispose(): void;
}
