import { Session, type SessionOptions } from '../session.ts';
import { SandboxExecutor } from './sandbox-executor.ts';

/** Loads the sandbox runtime's script on demand (off the critical path). */
export async function loadRuntimeSource(): Promise<Blob> {
  const loadRuntime = (await import('virtual:stepwise-runtime')).default;
  return loadRuntime();
}

/**
 * A kernel session for the page: cells run in a sandboxed iframe's worker, live() values streamed. Resolves once the
 * session exists; the runtime keeps loading in the background and the first run waits for it.
 */
export async function createBrowserSession(options: SessionOptions = {}, container?: HTMLElement): Promise<Session> {
  return new Session(new SandboxExecutor(loadRuntimeSource, container), { liveValues: 'stream', ...options });
}

export { SandboxExecutor } from './sandbox-executor.ts';
export { SANDBOX_CSP } from './frame-document.ts';
