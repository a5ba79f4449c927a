/**
 * Entry of the child process that runs cells for the headless runner. It is bundled into one
 * file (runtime-bundle.ts) so that the process can be started under Node's permission model with
 * read access to that file alone. Messages travel over the IPC channel the parent opened.
 */
import { bootRuntime } from '../runtime/boot.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';

const send = (message: FromRuntime) => process.send!(message);
const queued: ToRuntime[] = [];
const early = (message: unknown) => queued.push(message as ToRuntime);
process.on('message', early);
// The parent going away (killed runner, closed pipe) ends this process too.
process.on('disconnect', () => process.exit(0));
process.on('unhandledRejection', (reason) => {
  const error = reason as { name?: string; message?: string } | undefined;
  if (error?.name === 'CancelledError') return;
  send({ type: 'fault', message: `Unhandled promise rejection: ${error?.message ?? String(reason)}` });
});

const handle = await bootRuntime(send);
process.off('message', early);
process.on('message', (message) => handle(message as ToRuntime));
for (const message of queued.splice(0)) handle(message);
