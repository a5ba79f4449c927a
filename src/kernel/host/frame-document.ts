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
 * The frame only relays: it builds the worker from the runtime text the page sends, forwards
 * messages both ways, and replaces the worker on request (interrupt). It accepts messages only
 * from its parent window.
 */
const BOOTSTRAP = `(() => {
  const parentWindow = window.parent;
  let workerUrl = null;
  let worker = null;
  const toPage = (message) => parentWindow.postMessage({ channel: 'stepwise-sandbox', ...message }, '*');
  const startWorker = () => {
    if (worker) worker.terminate();
    worker = new Worker(workerUrl);
    const current = worker;
    worker.onmessage = (event) => { if (worker === current) toPage({ fromRuntime: event.data }); };
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker === current) toPage({ exit: 'the runtime failed: ' + (event.message || 'unknown error') });
    };
  };
  window.addEventListener('message', (event) => {
    if (event.source !== parentWindow) return;
    const message = event.data;
    if (!message || message.channel !== 'stepwise-host') return;
    if (message.boot !== undefined) {
      workerUrl = URL.createObjectURL(new Blob([message.boot], { type: 'text/javascript' }));
      startWorker();
    } else if (message.restart) startWorker();
    else if (message.kill) { if (worker) worker.terminate(); worker = null; }
    else if (message.toRuntime && worker) worker.postMessage(message.toRuntime);
  });
  toPage({ loaded: true });
})();`;

export function frameDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">
</head><body><script>${BOOTSTRAP}</script></body></html>`;
}
