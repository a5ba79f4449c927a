/**
 * Entry of the sandboxed worker (built as one classic script: module workers do not start in an
 * opaque-origin frame). Messages that arrive while the runtime boots are queued, not dropped.
 */
import { bootRuntime } from './boot.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';

const scope = self as unknown as {
  postMessage(message: FromRuntime): void;
  onmessage: ((event: MessageEvent<ToRuntime>) => void) | null;
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: ErrorEvent & PromiseRejectionEvent) => void): void;
};

const queued: ToRuntime[] = [];
scope.onmessage = (event) => queued.push(event.data);
scope.addEventListener('error', (event) => scope.postMessage({ type: 'fault', message: String(event.message ?? event) }));
scope.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason as { name?: string; message?: string } | undefined;
  // A replaced run's helpers throw CancelledError into code that may not catch it: not a fault.
  if (reason?.name === 'CancelledError') return;
  scope.postMessage({ type: 'fault', message: `Unhandled promise rejection: ${reason?.message ?? String(reason)}` });
});

bootRuntime((message) => scope.postMessage(message)).then((handle) => {
  scope.onmessage = (event) => handle(event.data);
  for (const message of queued.splice(0)) handle(message);
});
