import { describe, expect, it } from 'vitest';
import { fixture, stepwise } from './stepwise-cli.ts';

describe('stepwise run with a cell that floods its output', () => {
  // Without batching, each line was a message to the main process and the timeout timer never ran.
  it('--timeout still stops a cell that logs in an endless loop', { timeout: 60_000 }, async () => {
    const { code, stdout } = await stepwise('run', fixture('flood.md'), '--json', '--timeout', '3000');
    expect(code).toBe(1);
    const [cell] = JSON.parse(stdout).cells;
    expect(cell.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('Stopped after 3000 ms') });
  });
});
