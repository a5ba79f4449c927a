/**
 * Entry of the child process that runs cells for the headless runner. It is bundled into one
 * file (runtime-bundle.ts) so that the process can be started under Node's permission model with
 * read access to that file alone. Messages travel over the IPC channel the parent opened.
 */
import { bootRuntime, type BootedRuntime } from '../runtime/boot.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';

const send = (message: FromRuntime) => process.send!(message);
let runtime: BootedRuntime | undefined;
// The parent going away (killed runner, closed pipe) ends this process too.
process.on('disconnect', () => process.exit(0));
// With these handlers an error a cell throws later (an event listener, a rejected promise) is
// shown on that cell instead of ending the process and every value in it.
const report = (error: unknown, rejection: boolean) => {
  if (runtime) runtime.uncaught(error, rejection);
  else send({ type: 'fault', message: `${rejection ? 'Unhandled promise rejection' : 'Uncaught error'}: ${(error as Error | undefined)?.message ?? String(error)}` });
};
process.on('unhandledRejection', (reason) => report(reason, true));
process.on('uncaughtException', (error) => report(error, false));

try {
  runtime = bootRuntime(send);
} catch (error) {
  // Without a runtime nothing will ever be ready: end, so the runner says why instead of waiting.
  process.stderr.write(`the runtime could not start: ${(error as Error | undefined)?.message ?? String(error)}\n`);
  process.exit(1);
}
process.on('message', (message) => runtime!.handle(message as ToRuntime));
