import { spawn } from 'node:child_process';
import type { NodeRuntime } from './runtime-bundle.ts';

/** What a headless notebook process may use. */
export interface SandboxLimits {
  /** V8 heap limit in MB (default 2048): a runaway cell ends its process, not the machine. */
  memoryMb?: number;
  /** Run without a network namespace where the platform has none (the notebook can reach the network). */
  allowNetwork?: boolean;
}

export const DEFAULT_MEMORY_MB = 2048;

export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

/** What this machine offers to isolate a process: user, network and process namespaces, and `setpriv --pdeathsig`. */
export interface PlatformSupport {
  namespaces: boolean;
  parentDeath: boolean;
}

/**
 * What a Linux machine usually has. The runner starts the runtime assuming it, and finds out what
 * the machine has (`platformSupport`, 0.1–0.3 s of trial processes) only if that runtime does not
 * come up: before, every run waited for the trial before starting its runtime.
 */
export const USUAL_SUPPORT: PlatformSupport = { namespaces: true, parentDeath: true };

/**
 * The command that starts the headless runtime with the capabilities a notebook has in the
 * browser's sandbox and no more, enforced by the platform rather than by checking names:
 * - Node's permission model: the process may read its own two files (the runtime and
 *   TensorFlow.js) and nothing else; it may not write files, start processes or worker threads,
 *   or load native addons;
 * - empty network and process namespaces (`unshare`, inside an unprivileged user namespace): no
 *   connection can leave the process, whatever module makes it, and it can signal no process
 *   but its own;
 * - an empty environment (the spawner passes `env: {}`), and a heap limit.
 */
export function sandboxCommand(runtime: NodeRuntime, limits: SandboxLimits, support: PlatformSupport): { command: string; args: string[] } {
  const node = [
    '--experimental-permission',
    `--allow-fs-read=${runtime.entry}`,
    `--allow-fs-read=${runtime.tfjs}`,
    `--max-old-space-size=${limits.memoryMb ?? DEFAULT_MEMORY_MB}`,
    '--no-warnings',
    runtime.entry,
  ];
  if (support.namespaces) {
    const isolated = ['unshare', ...NAMESPACES, process.execPath, ...node];
    return support.parentDeath ? { command: 'setpriv', args: [...PARENT_DEATH, ...isolated] } : { command: isolated[0], args: isolated.slice(1) };
  }
  if (limits.allowNetwork) return { command: process.execPath, args: node };
  throw new SandboxUnavailableError(
    'cannot cut this notebook off the network here: the headless runner needs Linux with user namespaces (`unshare --user --net --pid`). ' +
      'Run it with --allow-network to run without that isolation (files, processes and the environment stay closed).',
  );
}

/** `--fork` makes the runtime the namespace's first process; `--kill-child` ends it with `unshare`. */
const NAMESPACES = ['--user', '--map-root-user', '--net', '--pid', '--fork', '--kill-child'];

/**
 * `unshare --kill-child` ends the runtime when `unshare` ends, but nothing ended `unshare` when the
 * process that started it was killed (a test runner stopped, a CLI killed with SIGKILL): a cell in
 * an endless loop then ran on, orphaned, for as long as the machine was up. `setpriv --pdeathsig`
 * kills `unshare`, and so the runtime, when its parent dies.
 */
const PARENT_DEATH = ['--pdeathsig', 'KILL'];

let support: Promise<PlatformSupport> | undefined;

/** Whether this machine has the namespaces and `setpriv`, found once by trying each (`true` in them). */
export function platformSupport(): Promise<PlatformSupport> {
  support ??= Promise.all([succeeds('unshare', [...NAMESPACES, 'true']), succeeds('setpriv', [...PARENT_DEATH, 'true'])]).then(([namespaces, parentDeath]) => ({ namespaces, parentDeath }));
  return support;
}

function succeeds(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}
