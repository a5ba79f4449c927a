import { describe, expect, it } from 'vitest';
import { NodeExecutor } from '../../src/kernel/node/node-executor.ts';
import { sandboxCommand, SandboxUnavailableError } from '../../src/kernel/node/sandbox-command.ts';
import type { FromRuntime } from '../../src/kernel/protocol.ts';

const runtime = { entry: '/cache/node-runtime.mjs', tfjs: '/cache/node-runtime.tfjs.cjs' };

describe('the headless runtime’s sandbox', { timeout: 60_000 }, () => {
  it('isolates the process as far as the machine allows, and without namespaces runs only when the network is explicitly allowed', () => {
    const full = sandboxCommand(runtime, {}, { namespaces: true, parentDeath: true });
    expect(full.command).toBe('setpriv');
    expect(full.args.slice(0, 9)).toEqual(['--pdeathsig', 'KILL', 'unshare', '--user', '--map-root-user', '--net', '--pid', '--fork', '--kill-child']);
    expect(full.args).toEqual(expect.arrayContaining(['--experimental-permission', `--allow-fs-read=${runtime.entry}`, `--allow-fs-read=${runtime.tfjs}`, '--max-old-space-size=2048']));
    expect(full.args.at(-1)).toBe(runtime.entry);

    const noSetpriv = sandboxCommand(runtime, { memoryMb: 512 }, { namespaces: true, parentDeath: false });
    expect([noSetpriv.command, noSetpriv.args[0]]).toEqual(['unshare', '--user']);
    expect(noSetpriv.args).toContain('--max-old-space-size=512');

    expect(() => sandboxCommand(runtime, {}, { namespaces: false, parentDeath: true })).toThrow(SandboxUnavailableError);
    const allowed = sandboxCommand(runtime, { allowNetwork: true }, { namespaces: false, parentDeath: true });
    expect(allowed.command).toBe(process.execPath);
    expect(allowed.args).toContain('--experimental-permission');
  });

  it('a runtime that cannot start as assumed is started again with what the machine has, and that first try is not reported as a crash', async () => {
    // Assuming no namespaces and no network allowed, the first try cannot even be made.
    const executor = new NodeExecutor({}, { namespaces: false, parentDeath: false });
    const exits: string[] = [];
    const messages: FromRuntime[] = [];
    executor.onExit((reason) => exits.push(reason));
    executor.onMessage((message) => messages.push(message));
    await executor.start();
    expect(messages.map((message) => message.type)).toContain('ready');
    expect(exits).toEqual([]);
    executor.dispose();
  });
});
