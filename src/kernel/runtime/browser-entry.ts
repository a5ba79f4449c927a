/**
 * Entry of the sandboxed worker (built as one classic script: module workers do not start in an
 * opaque-origin frame). The runtime boots before the script ends, so no message can arrive first.
 */
import { bootRuntime, type BootedRuntime } from './boot.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';
import { RepeatedTraces } from '../repeated-traces.ts';

const scope = self as unknown as {
  postMessage(message: FromRuntime): void;
  onmessage: ((event: MessageEvent<ToRuntime>) => void) | null;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
};

/** The booted runtime; none yet if an error comes while it boots. */
const booted: { runtime?: BootedRuntime } = {};
// Handled here, an error does not also reach the frame as the worker failing (which would
// restart the kernel and lose every value).
scope.addEventListener('error', (event) => {
  event.preventDefault();
  if (booted.runtime) booted.runtime.uncaught(event.error ?? event.message, false);
  else scope.postMessage({ type: 'fault', message: String(event.message) });
});
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  if (booted.runtime) booted.runtime.uncaught(event.reason, true);
  else scope.postMessage({ type: 'fault', message: `Unhandled promise rejection: ${String((event.reason as Error | undefined)?.message ?? event.reason)}` });
});

// Unchanged big figure traces go to the page as markers (repeated-traces.ts).
const repeated = new RepeatedTraces();
const post = (message: FromRuntime) => {
  try {
    scope.postMessage(repeated.encode(message));
  } catch (error) {
    repeated.unsent(message);
    throw error;
  }
};
// A boot that fails reaches the error listener above, which reports it as a fault.
const runtime = bootRuntime(post);
booted.runtime = runtime;
scope.onmessage = (event) => {
  repeated.noteRequest(event.data);
  runtime.handle(event.data);
};
