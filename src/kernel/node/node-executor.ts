import type { Executor } from '../executor.ts';
import type { FromRuntime, ToRuntime } from '../protocol.ts';
import { nodeRuntimeBundle } from './runtime-bundle.ts';
import { RuntimeProcess } from './runtime-process.ts';
import { platformSupport, sandboxCommand, USUAL_SUPPORT, type PlatformSupport, type SandboxLimits } from './sandbox-command.ts';

/** What this machine offers to isolate the runtime, once a runtime started as usual did not come up (sandbox-command.ts). */
let probed: PlatformSupport | undefined;

/** A runtime started ahead of its executor (`prestartRuntime`), for the limits it was started with. */
let prestarted: { limits: string; started: Promise<RuntimeProcess> } | undefined;

/**
 * Starts a runtime now, for the next NodeExecutor with these `limits` to take. The command calls
 * it before loading the modules that read and analyse a notebook (~0.2 s), so the runtime's own
 * start (~0.2 s) happens meanwhile. One nobody takes does not keep the command alive (RuntimeProcess).
 */
export function prestartRuntime(limits: SandboxLimits): void {
  const started = nodeRuntimeBundle().then((runtime) => new RuntimeProcess(sandboxCommand(runtime, limits, probed ?? USUAL_SUPPORT), limits.memoryMb));
  // A failure (the runtime cannot be built, no sandbox) is met again by the executor's own start.
  started.catch(() => {});
  prestarted = { limits: limitsKey(limits), started };
}

/**
 * Runs cells in a child process with a notebook's browser capabilities (sandbox-command.ts says
 * how that is enforced); `kill` ends it at once, even inside an endless loop.
 */
export class NodeExecutor implements Executor {
  private runtime: RuntimeProcess | undefined;
  private readonly messageListeners: ((message: FromRuntime) => void)[] = [];
  private readonly exitListeners: ((reason: string) => void)[] = [];

  /** `assumed`: what the machine is taken to offer until a runtime fails to come up (tests assume less). */
  constructor(
    private readonly limits: SandboxLimits = {},
    private readonly assumed: PlatformSupport = USUAL_SUPPORT,
  ) {}

  async start(): Promise<void> {
    this.kill();
    const ahead = await this.takePrestarted();
    const bundle = await nodeRuntimeBundle();
    const fresh = (support: PlatformSupport) => new RuntimeProcess(sandboxCommand(bundle, this.limits, support), this.limits.memoryMb);
    if (probed) return this.adopt(ahead ?? fresh(probed), true);
    try {
      await this.adopt(ahead ?? fresh(this.assumed), false);
    } catch {
      // Not up: perhaps this machine lacks what is usual. Start again with what it has (or say
      // why it cannot); a runtime that fails for another reason fails again, and says why.
      probed = await platformSupport();
      await this.adopt(fresh(probed), true);
    }
  }

  /** The prestarted runtime if it was started for this executor's limits and as this executor would (the assumed platform); otherwise it is ended. */
  private async takePrestarted(): Promise<RuntimeProcess | undefined> {
    const ahead = prestarted;
    prestarted = undefined;
    if (!ahead) return undefined;
    const started = await ahead.started.catch(() => undefined);
    if (ahead.limits === limitsKey(this.limits) && this.assumed === USUAL_SUPPORT) return started;
    started?.kill();
    return undefined;
  }

  /**
   * Makes `started` this executor's runtime; resolves when it is ready. `reportEarlyExit`: an exit
   * before then is also an exit of the kernel.
   */
  private adopt(started: RuntimeProcess, reportEarlyExit: boolean): Promise<void> {
    this.runtime = started;
    started.own({
      message: (message) => {
        if (this.runtime !== started) return;
        for (const listener of this.messageListeners) listener(message);
      },
      exit: (reason) => {
        if (this.runtime !== started) return;
        this.runtime = undefined;
        if (started.isReady || reportEarlyExit) for (const listener of this.exitListeners) listener(reason);
      },
    });
    return started.ready;
  }

  send(message: ToRuntime): void {
    this.runtime?.send(message);
  }

  onMessage(listener: (message: FromRuntime) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }

  kill(): void {
    const started = this.runtime;
    this.runtime = undefined;
    started?.kill();
  }

  dispose(): void {
    this.kill();
    this.messageListeners.length = 0;
    this.exitListeners.length = 0;
  }
}

function limitsKey(limits: SandboxLimits): string {
  return JSON.stringify([limits.memoryMb, limits.allowNetwork ?? false]);
}
