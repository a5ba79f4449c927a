/** Entry of the Node worker thread that runs cells for the headless runner. */
import { parentPort } from 'node:worker_threads';
import { bootRuntime } from '../runtime/boot.ts';
import type { ToRuntime } from '../protocol.ts';

const port = parentPort!;
const queued: ToRuntime[] = [];
const early = (message: ToRuntime) => queued.push(message);
port.on('message', early);
process.on('unhandledRejection', (reason) => {
  const error = reason as { name?: string; message?: string } | undefined;
  if (error?.name === 'CancelledError') return;
  port.postMessage({ type: 'fault', message: `Unhandled promise rejection: ${error?.message ?? String(reason)}` });
});

const handle = await bootRuntime((message) => port.postMessage(message));
port.off('message', early);
port.on('message', handle);
for (const message of queued.splice(0)) handle(message);
