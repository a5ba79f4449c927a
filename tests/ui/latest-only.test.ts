import { expect, it } from 'vitest';
import { latestOnly } from '../../src/ui/output/latest-only.ts';

it('runs never overlap, and calls made during a run ask for exactly one more run', async () => {
  let release: () => void = () => {};
  let running = 0;
  let most = 0;
  let runs = 0;
  const run = latestOnly(async () => {
    runs += 1;
    most = Math.max(most, ++running);
    await new Promise<void>((resolve) => (release = resolve));
    running -= 1;
  });
  const first = run();
  await Promise.all([run(), run(), run()]); // during the first run: they return at once
  release();
  await new Promise((resolve) => setTimeout(resolve, 0));
  release(); // the one more run
  await first;
  expect(runs).toBe(2);
  expect(most).toBe(1);
});

it("a run that returns 'stop' ends it, even when a call asked for another", async () => {
  let runs = 0;
  let release: () => void = () => {};
  const run = latestOnly(async () => {
    runs += 1;
    await new Promise<void>((resolve) => (release = resolve));
    return 'stop';
  });
  const first = run();
  void run();
  release();
  await first;
  expect(runs).toBe(1);
});
