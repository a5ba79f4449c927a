/**
 * Entry of the sandboxed worker (built as one classic script: module workers do not start in an
 * opaque-origin frame). The runtime boots before the script ends, so no message can arrive first.
 * It talks to the page over the channel the frame gives it as its first message
 * (frame-document.ts); what it says before that waits.
 */
import { bootRuntime, type BootedRuntime } from './boot.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';
import { RepeatedTraces } from '../repeated-traces.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
};

/** The page's end of the channel, once the frame has given it; what is said before waits in `early`. */
let page: MessagePort | undefined;
const early: unknown[] = [];
const toPage = (message: unknown) => {
  if (page) page.postMessage(message);
  else early.push(message);
};

/** The booted runtime; none yet if an error comes while it boots. */
const booted: { runtime?: BootedRuntime } = {};
// Handled here, an error does not also reach the frame as the worker failing (which would
// restart the kernel and lose every value).
scope.addEventListener('error', (event) => {
  event.preventDefault();
  if (booted.runtime) booted.runtime.uncaught(event.error ?? event.message, false);
  else toPage({ type: 'fault', message: String(event.message) } satisfies FromRuntime);
});
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  if (booted.runtime) booted.runtime.uncaught(event.reason, true);
  else toPage({ type: 'fault', message: `Unhandled promise rejection: ${String((event.reason as Error | undefined)?.message ?? event.reason)}` } satisfies FromRuntime);
});

// Unchanged big figure traces go to the page as markers (repeated-traces.ts).
const repeated = new RepeatedTraces();
const post = (message: FromRuntime) => {
  try {
    toPage(repeated.encode(message));
  } catch (error) {
    repeated.unsent(message);
    throw error;
  }
};
// A boot that fails reaches the error listener above, which reports it as a fault.
const runtime = bootRuntime(post);
booted.runtime = runtime;
// Only the frame posts to the worker itself, once: the channel. (A cell may set onmessage; then
// it has cut itself off, as it could by never answering.)
scope.onmessage = (event) => {
  const port = (event.data as { port?: unknown } | null)?.port;
  if (page || !(port instanceof MessagePort)) return;
  page = port;
  page.onmessage = (message: MessageEvent<ToRuntime>) => {
    repeated.noteRequest(message.data);
    runtime.handle(message.data);
  };
  for (const message of early.splice(0)) page.postMessage(message);
};
