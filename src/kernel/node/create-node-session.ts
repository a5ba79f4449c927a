import { Session, type SessionOptions } from '../session.ts';
import { NodeExecutor } from './node-executor.ts';
import type { SandboxLimits } from './sandbox-command.ts';

/** A kernel session that runs cells in a sandboxed Node child process (headless runner, tests). */
export function createNodeSession(options: SessionOptions & SandboxLimits = {}): Session {
  return new Session(new NodeExecutor({ memoryMb: options.memoryMb, allowNetwork: options.allowNetwork }), options);
}
