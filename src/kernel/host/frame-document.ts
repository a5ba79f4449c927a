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
 * The frame builds workers from the runtime script the page sends (a Blob) and hands the page a
 * channel to each: the worker and the page talk over it directly. Relayed through this frame's window
 * instead, every message would cross between processes as a window message, which Chromium
 * delivers a hundred times slower (a 14 kB figure: 10–50 ms of the page's main thread to read,
 * against 0.1 ms over a channel). It replaces the worker on request (interrupt), handing the page
 * the new worker's channel. It keeps one spare worker booted in the background, so an interrupt
 * swaps in a ready runtime instead of waiting for a new one to parse and start TensorFlow.js. The
 * page asks for the spare once its kernel has been idle a while, or a run lasts
 * (sandbox-executor.ts): booting it beside the first runs would slow the runs a learner waits for.
 * Each worker has a serial number, announced with its channel and sent with its exit, so the page
 * can drop what a replaced worker says on its way out.
 * It answers the page's heartbeat (its own thread does, so a busy worker does not delay it).
 * It accepts messages only from its parent window.
 */
export const BOOTSTRAP = `(() => {
  const parentWindow = window.parent;
  let workerUrl = null;
  let active = null;
  let spare = null;
  let serial = 0;
  const toPage = (message, transfer) => parentWindow.postMessage({ channel: 'stepwise-sandbox', ...message }, '*', transfer || []);
  const spawn = () => {
    const channel = new MessageChannel();
    const entry = { worker: new Worker(workerUrl), port: channel.port2, serial: ++serial };
    entry.worker.postMessage({ port: channel.port1 }, [channel.port1]);
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
    toPage({ activated: active.serial, port: active.port }, [active.port]);
  };
  window.addEventListener('message', (event) => {
    if (event.source !== parentWindow) return;
    const message = event.data;
    if (!message || message.channel !== 'stepwise-host') return;
    if (message.boot !== undefined) {
      workerUrl = URL.createObjectURL(message.boot);
      activate();
    } else if (message.restart) activate();
    else if (message.ping) toPage({ pong: true });
    else if (message.spare) { if (!spare) spare = spawn(); }
    else if (message.kill) { if (active) active.worker.terminate(); active = null; }
  });
  toPage({ loaded: true });
})();`;

export function frameDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">
</head><body><script>${BOOTSTRAP}</script></body></html>`;
}
