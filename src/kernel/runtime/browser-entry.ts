/**
 * Entry of the sandboxed worker (built as one classic script: module workers do not start in an
 * opaque-origin frame). Messages that arrive while the runtime boots are queued, not dropped.
 */
import { bootRuntime, type BootedRuntime } from './boot.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';

const scope = self as unknown as {
  postMessage(message: FromRuntime): void;
  onmessage: ((event: MessageEvent<ToRuntime>) => void) | null;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
};

const queued: ToRuntime[] = [];
let runtime: BootedRuntime | undefined;
scope.onmessage = (event) => queued.push(event.data);
// Handled here, an error does not also reach the frame as the worker failing (which would
// restart the kernel and lose every value).
scope.addEventListener('error', (event) => {
  event.preventDefault();
  if (runtime) runtime.uncaught(event.error ?? event.message, false);
  else scope.postMessage({ type: 'fault', message: String(event.message) });
});
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  if (runtime) runtime.uncaught(event.reason, true);
  else scope.postMessage({ type: 'fault', message: `Unhandled promise rejection: ${String((event.reason as Error | undefined)?.message ?? event.reason)}` });
});

// `void`: a boot that fails reaches the unhandledrejection listener above, which reports it as a fault.
void bootRuntime((message) => scope.postMessage(message)).then((booted) => {
  runtime = booted;
  scope.onmessage = (event) => booted.handle(event.data);
  for (const message of queued.splice(0)) booted.handle(message);
});
