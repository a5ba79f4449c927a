import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fixture, STEPWISE_BIN, stepwiseInProcess as stepwise } from './stepwise-cli.ts';

const TRACES = ['/tmp/stepwise-hostile-wrote-this', '/tmp/stepwise-hostile-spawned'];

// `stepwise run`'s main runs in this process (tests/cli/cli.test.ts starts the binary itself); each
// notebook runs in the sandboxed process it always gets. Each run also type-checks the notebook
// (TypeScript and the cell declarations load once: seconds on a busy machine).
describe('a notebook run headless gets what it gets in the browser and no more', { timeout: 120_000 }, () => {
  let server: Server;
  let port = 0;
  let connections = 0;

  beforeAll(async () => {
    for (const trace of TRACES) rmSync(trace, { force: true });
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds environment, files, processes, built-in modules, signals and the network closed', async () => {
    // A secret in the runner's environment must not reach the notebook.
    process.env.STEPWISE_TEST_SECRET = 'hunter2';
    const { code, stdout } = await stepwise('run', fixture('hostile.md'), '--json', '--set', `port=${port}`).finally(() => delete process.env.STEPWISE_TEST_SECRET);
    expect(code).toBe(0);
    const lines = JSON.parse(stdout).cells.slice(1).flatMap((cell: { outputs: { text?: string }[] }) => cell.outputs.flatMap((o) => o.text?.split('\n') ?? []));
    expect(lines).toHaveLength(16);
    for (const line of lines) expect(line).toMatch(/: closed \(/);
    expect(stdout).not.toContain('hunter2');
    expect(connections).toBe(0);
    for (const trace of TRACES) expect(existsSync(trace)).toBe(false);
  });

  it('a cell past the memory limit stops the kernel with "out of memory", and the runner reports it', async () => {
    const { code, stdout } = await stepwise('run', fixture('hog.md'), '--json', '--memory', '96');
    expect(code).toBe(1);
    const cells = JSON.parse(stdout).cells;
    expect(cells[0].status).toBe('ok');
    expect(cells[1].error).toMatchObject({ kind: 'crash', message: expect.stringContaining('out of memory: the heap limit is 96 MB') });
  });

  it('the notebook process ends with the runner that started it, even one killed mid-cell', async () => {
    const runner = spawn(process.execPath, [STEPWISE_BIN, 'run', fixture('spin.md'), '--timeout', '600000'], { stdio: 'ignore' });
    let runtime: number | undefined;
    for (let waited = 0; runtime === undefined && waited < 100_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      runtime = descendants(runner.pid!).find((pid) => commandLine(pid).startsWith(`${process.execPath} --experimental-permission`));
    }
    expect(runtime, 'the sandboxed runtime started').toBeDefined();
    // Kill the runner only once the cell spins: an idle runtime ends by itself when its channel closes.
    let spinning = false;
    for (let waited = 0; !spinning && waited < 100_000; waited += 500) {
      const before = cpuTicks(runtime!);
      await new Promise((resolve) => setTimeout(resolve, 500));
      spinning = cpuTicks(runtime!) - before >= 20; // 0.2 s of CPU in 0.5 s (100 ticks a second)
    }
    expect(spinning, 'the cell spins').toBe(true);
    runner.kill('SIGKILL');
    let alive = true;
    for (let waited = 0; alive && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alive = existsSync(`/proc/${runtime}`) && !readFileSync(`/proc/${runtime}/stat`, 'utf8').includes(') Z ');
    }
    expect(alive, 'the runtime still spins after its runner was killed').toBe(false);
  });

  it('refuses a bad --memory', async () => {
    const { code, stderr } = await stepwise('run', fixture('hog.md'), '--memory', 'lots');
    expect(code).toBe(2);
    expect(stderr).toContain('--memory needs a positive number of megabytes');
  });
});

/** Every process below `pid` (from /proc: Linux, where the headless runner runs isolated). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces): state, then the parent's pid.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const below = (parent: number) => {
    for (const [child, itsParent] of parentOf) {
      if (itsParent === parent) {
        found.push(child);
        below(child);
      }
    }
  };
  below(pid);
  return found;
}

/** CPU time a process has used, in clock ticks (user + system). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
