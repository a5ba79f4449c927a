import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fixture, stepwiseInProcess as stepwise } from './stepwise-cli.ts';

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

  it('refuses a bad --memory', async () => {
    const { code, stderr } = await stepwise('run', fixture('hog.md'), '--memory', 'lots');
    expect(code).toBe(2);
    expect(stderr).toContain('--memory needs a positive number of megabytes');
  });
});
