import { execFile } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '../../src/cli/stepwise.mjs');

/** A notebook of tests/cli/fixtures by name. */
export const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

/** Runs the `stepwise` command; resolves with its exit status and output. */
export function stepwise(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
