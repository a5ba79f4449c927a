/**
 * The sandbox frame's document. Loaded with `sandbox="allow-scripts"` (an opaque origin: no
 * access to the app's storage, cookies or DOM; no top navigation, no popups) and this CSP, which
 * the Blob worker inherits: no fetch, XHR, WebSocket, images or any other network access.
 */
export const SANDBOX_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  'worker-src blob:',
  "connect-src 'none'",
].join('; ');

/**
 * The frame only relays: it builds workers from the runtime text the page sends, forwards
 * messages both ways, and replaces the worker on request (interrupt). It keeps one spare worker
 * booted in the background, so an interrupt swaps in a ready runtime instead of waiting for a new
 * one to parse and start TensorFlow.js. The page asks for the spare once its kernel has been idle
 * a while, or a run lasts (sandbox-executor.ts): booting it beside the first runs would slow the
 * runs a learner waits for.
 * Each worker has a serial number, sent with everything relayed from it and announced when it
 * becomes the active one, so the page can drop what a replaced worker said on its way out.
 * It answers the page's heartbeat (its own thread does, so a busy worker does not delay it).
 * It accepts messages only from its parent window.
 */
export const BOOTSTRAP = `(() => {
  const parentWindow = window.parent;
  let workerUrl = null;
  let active = null;
  let spare = null;
  let serial = 0;
  const toPage = (message) => parentWindow.postMessage({ channel: 'stepwise-sandbox', ...message }, '*');
  const spawn = () => {
    const entry = { worker: new Worker(workerUrl), ready: false, serial: ++serial };
    entry.worker.onmessage = (event) => {
      if (event.data && event.data.type === 'ready') entry.ready = true;
      if (entry === active) toPage({ worker: entry.serial, fromRuntime: event.data });
    };
    entry.worker.onerror = (event) => {
      event.preventDefault();
      if (entry === active) toPage({ worker: entry.serial, exit: 'the runtime failed: ' + (event.message || 'unknown error') });
    };
    return entry;
  };
  const activate = () => {
    if (active) active.worker.terminate();
    active = spare || spawn();
    spare = null;
    toPage({ activated: active.serial });
    if (active.ready) toPage({ worker: active.serial, fromRuntime: { type: 'ready' } });
  };
  window.addEventListener('message', (event) => {
    if (event.source !== parentWindow) return;
    const message = event.data;
    if (!message || message.channel !== 'stepwise-host') return;
    if (message.boot !== undefined) {
      workerUrl = URL.createObjectURL(new Blob([message.boot], { type: 'text/javascript' }));
      activate();
    } else if (message.restart) activate();
    else if (message.ping) toPage({ pong: true });
    else if (message.spare) { if (!spare) spare = spawn(); }
    else if (message.kill) { if (active) active.worker.terminate(); active = null; }
    else if (message.toRuntime && active) active.worker.postMessage(message.toRuntime);
  });
  toPage({ loaded: true });
})();`;

export function frameDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">
</head><body><script>${BOOTSTRAP}</script></body></html>`;
}
