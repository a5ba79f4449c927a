import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { isFromRuntime, type FromRuntime, type ToRuntime } from '../protocol.ts';
import { DEFAULT_MEMORY_MB } from './sandbox-command.ts';

/** How much of the process's stderr is kept to explain a crash. */
const STDERR_TAIL = 4096;

/**
 * One headless runtime process, started by `command`. It listens from the first instant, so that
 * it can be started before anyone uses it (NodeExecutor's prestart): what it says and an early
 * exit are kept until it has an owner (`own`). Until then it does not keep the command alive: one
 * nobody takes exits when the command ends and its channel closes.
 */
export class RuntimeProcess {
  /** Resolves when the runtime says it is ready; rejects with the reason if it stops before. */
  readonly ready: Promise<void>;
  isReady = false;
  private readonly child: ChildProcess;
  private owner: Owner | undefined;
  /** Before it has an owner: its messages, and why it stopped if it has. */
  private early: { messages: FromRuntime[]; exit?: string } = { messages: [] };

  constructor({ command, args }: { command: string; args: string[] }, memoryMb = DEFAULT_MEMORY_MB) {
    this.child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', env: {} });
    this.holdsCommand(false);
    let stderr = '';
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    let stoppedFor: string | undefined;
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (message: unknown) => {
        if (!isFromRuntime(message)) return;
        if (message.type === 'ready') {
          this.isReady = true;
          resolve();
        }
        if (this.owner) this.owner.message(message);
        else this.early.messages.push(message);
      });
      const stopped = (reason: string) => {
        if (stoppedFor !== undefined) return;
        stoppedFor = reason;
        reject(new Error(`the runtime stopped before it was ready: ${reason}`));
        if (this.owner) this.owner.exit(reason);
        else this.early.exit = reason;
      };
      this.child.on('error', (error) => stopped(error.message));
      this.child.on('exit', (code, signal) => stopped(exitReason(code, signal, stderr, memoryMb)));
    });
    // Nobody may be waiting yet (a prestarted process): its failure is met by its owner.
    this.ready.catch(() => {});
  }

  /** Gives the process its owner, who hears what it said so far, then everything it says; it now keeps the command alive. */
  own(owner: Owner): void {
    this.owner = owner;
    this.holdsCommand(true);
    const { messages, exit } = this.early;
    this.early = { messages: [] };
    for (const message of messages) owner.message(message);
    if (exit !== undefined) owner.exit(exit);
  }

  /** Whether the process, its channel and its stderr pipe keep the command's event loop alive. */
  private holdsCommand(yes: boolean): void {
    for (const handle of [this.child, this.child.channel, this.child.stderr as Socket | null]) {
      if (yes) handle?.ref();
      else handle?.unref();
    }
  }

  send(message: ToRuntime): void {
    if (this.child.connected) this.child.send(message);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

interface Owner {
  message(message: FromRuntime): void;
  exit(reason: string): void;
}

function exitReason(code: number | null, signal: NodeJS.Signals | null, stderr: string, memoryMb: number): string {
  if (/heap out of memory|Reached heap limit/i.test(stderr)) return `out of memory: the heap limit is ${memoryMb} MB`;
  const lastLine = stderr.trim().split('\n').at(-1);
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  return lastLine ? `${how}: ${lastLine}` : how;
}
