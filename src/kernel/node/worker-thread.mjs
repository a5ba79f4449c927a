// Plain-JavaScript entry of the Node worker thread: registers tsx (TypeScript loader) inside
// this thread, then loads the TypeScript entry. Loader flags passed in execArgv do not reach
// worker threads on Node 20, so the registration happens here.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
