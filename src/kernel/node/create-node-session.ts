import { Session, type SessionOptions } from '../session.ts';
import { NodeExecutor } from './node-executor.ts';

/** A kernel session that runs cells in a Node worker thread (headless runner, tests). */
export function createNodeSession(options: SessionOptions = {}): Session {
  return new Session(new NodeExecutor(), options);
}
