import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

/** The `stepwise` command's entry point, run with Node. */
export const STEPWISE_BIN = join(import.meta.dirname, '../../src/cli/stepwise.mjs');

/** A notebook of tests/cli/fixtures by name. */
export const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `stepwise` command as a process of its own; resolves with its exit status and output. */
export function stepwise(...args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [STEPWISE_BIN, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/**
 * Runs the command's `main` in this process: the same code as `stepwise` (the binary runs `main`
 * from its cached bundle and sets the exit status it returns) without starting Node each
 * time. The notebook still runs in its own sandboxed process.
 */
export async function stepwiseInProcess(...args: string[]): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { write: (text: string) => (stdout += text) }, { write: (text: string) => (stderr += text) });
  return { code, stdout, stderr };
}
