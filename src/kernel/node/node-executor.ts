import { spawn, type ChildProcess } from 'node:child_process';
import type { Executor } from '../executor.ts';
import { isFromRuntime, type FromRuntime, type ToRuntime } from '../protocol.ts';
import { nodeRuntimeBundle } from './runtime-bundle.ts';
import { DEFAULT_MEMORY_MB, platformSupport, sandboxCommand, USUAL_SUPPORT, type PlatformSupport, type SandboxLimits } from './sandbox-command.ts';

/** What this machine offers to isolate the runtime, once a runtime started as usual did not come up (sandbox-command.ts). */
let probed: PlatformSupport | undefined;

/** How much of the process's stderr is kept to explain a crash. */
const STDERR_TAIL = 4096;

/**
 * Runs cells in a child process with a notebook's browser capabilities (sandbox-command.ts says
 * how that is enforced); `kill` ends it at once, even inside an endless loop.
 */
export class NodeExecutor implements Executor {
  private child: ChildProcess | undefined;
  private readonly messageListeners: ((message: FromRuntime) => void)[] = [];
  private readonly exitListeners: ((reason: string) => void)[] = [];

  /** `assumed`: what the machine is taken to offer until a runtime fails to come up (tests assume less). */
  constructor(
    private readonly limits: SandboxLimits = {},
    private readonly assumed: PlatformSupport = USUAL_SUPPORT,
  ) {}

  async start(): Promise<void> {
    this.kill();
    const runtime = await nodeRuntimeBundle();
    if (probed) return this.spawnRuntime(sandboxCommand(runtime, this.limits, probed), true);
    try {
      await this.spawnRuntime(sandboxCommand(runtime, this.limits, this.assumed), false);
    } catch {
      // Not up: perhaps this machine lacks what is usual. Start again with what it has (or say
      // why it cannot); a runtime that fails for another reason fails again, and says why.
      probed = await platformSupport();
      await this.spawnRuntime(sandboxCommand(runtime, this.limits, probed), true);
    }
  }

  /** Starts the runtime with `command`; resolves when it is ready. `reportEarlyExit`: an exit before then is also an exit of the kernel. */
  private spawnRuntime({ command, args }: { command: string; args: string[] }, reportEarlyExit: boolean): Promise<void> {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', env: {} });
    this.child = child;
    let stderr = '';
    let ready = false;
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    return new Promise((resolve, reject) => {
      child.on('message', (message: unknown) => {
        if (this.child !== child || !isFromRuntime(message)) return;
        if (message.type === 'ready') {
          ready = true;
          resolve();
        }
        for (const listener of this.messageListeners) listener(message);
      });
      child.on('error', (error) => {
        if (this.child !== child) return;
        this.child = undefined;
        reject(error);
        if (ready || reportEarlyExit) for (const listener of this.exitListeners) listener(error.message);
      });
      child.on('exit', (code, signal) => {
        if (this.child !== child) return;
        this.child = undefined;
        const reason = exitReason(code, signal, stderr, this.limits.memoryMb ?? DEFAULT_MEMORY_MB);
        reject(new Error(`the runtime stopped before it was ready: ${reason}`));
        if (ready || reportEarlyExit) for (const listener of this.exitListeners) listener(reason);
      });
    });
  }

  send(message: ToRuntime): void {
    if (this.child?.connected) this.child.send(message);
  }

  onMessage(listener: (message: FromRuntime) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }

  kill(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
  }

  dispose(): void {
    this.kill();
    this.messageListeners.length = 0;
    this.exitListeners.length = 0;
  }
}

function exitReason(code: number | null, signal: NodeJS.Signals | null, stderr: string, memoryMb: number): string {
  if (/heap out of memory|Reached heap limit/i.test(stderr)) return `out of memory: the heap limit is ${memoryMb} MB`;
  const lastLine = stderr.trim().split('\n').at(-1);
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  return lastLine ? `${how}: ${lastLine}` : how;
}
