import { describe, expect, it } from 'vitest';
import { markdown, boldNumbers, notebookRunner } from './report-queries.ts';

const run = notebookRunner('welcome');

describe('notebooks/welcome.md', () => {
  it('the running mean approaches the true mean of y = 2x + 1 + ε, which is exactly 1 (x uniform on [−1, 1])', async () => {
    const first = markdown(await run({ k: 0 }), 'the true mean is');
    expect(first).toContain('the true mean is exactly 1:');
    const last = markdown(await run({ k: 5 }), 'the true mean is');
    const [counted, mean] = boldNumbers(last);
    expect(counted).toBe(300);
    expect(Math.abs(mean - 1)).toBeLessThan(0.1);
  }, 60_000);
});
