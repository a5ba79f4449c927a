import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NodeExecutor, prestartRuntime } from '../../src/kernel/node/node-executor.ts';
import type { FromRuntime } from '../../src/kernel/protocol.ts';

// Each test uses a heap limit of its own, so that its runtime processes can be told apart from
// other tests' by their command line.
const runtimesWithHeap = (memoryMb: number) => {
  try {
    return execFileSync('pgrep', ['-f', `^${process.execPath} --experimental-permission .*--max-old-space-size=${memoryMb} `], { encoding: 'utf8' }).trim().split('\n').length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
};

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startedAndReady(executor: NodeExecutor): Promise<FromRuntime[]> {
  const messages: FromRuntime[] = [];
  executor.onMessage((message) => messages.push(message));
  await executor.start();
  return messages;
}

describe('a runtime started ahead of its executor (the command starts it while it loads)', { timeout: 60_000 }, () => {
  it('is the runtime of the next executor with the same limits: no second process, and it says it is ready', async () => {
    prestartRuntime({ memoryMb: 301 });
    const executor = new NodeExecutor({ memoryMb: 301 });
    const messages = await startedAndReady(executor);
    expect(messages.map((message) => message.type)).toEqual(['ready']);
    expect(runtimesWithHeap(301)).toBe(1);
    executor.dispose();
    await until(() => runtimesWithHeap(301) === 0);
  });

  it('is ended when the next executor has other limits, which gets a runtime of its own', async () => {
    prestartRuntime({ memoryMb: 302 });
    const executor = new NodeExecutor({ memoryMb: 303 });
    const messages = await startedAndReady(executor);
    expect(messages.map((message) => message.type)).toEqual(['ready']);
    await until(() => runtimesWithHeap(302) === 0);
    expect(runtimesWithHeap(303)).toBe(1);
    executor.dispose();
  });

  it('does not keep the command alive when nothing takes it, and ends with it', async () => {
    const script = `import { prestartRuntime } from './src/kernel/node/node-executor.ts'; prestartRuntime({ memoryMb: 304 }); setTimeout(() => {}, 3000);`;
    const command = promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 30_000 });
    let seen = false;
    const watching = until(() => (seen ||= runtimesWithHeap(304) === 1), 20_000);
    // It ends on its own after its 3 s (a runtime keeping it alive would hold it until the timeout kills it)...
    await command;
    await watching;
    expect(seen).toBe(true);
    // ...and its runtime with it.
    await until(() => runtimesWithHeap(304) === 0);
  });
});
