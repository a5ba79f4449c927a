import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver } from '../../src/store/autosave.ts';

describe('createAutosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the latest text once typing pauses', async () => {
    const saved: string[] = [];
    const saver = createAutosaver(async (text) => void saved.push(text), { quietMs: 250, maxDelayMs: 800 });
    saver.schedule('a');
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(249);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['ab']);
  });

  it('saves within maxDelayMs even while the learner keeps typing', async () => {
    const saved: string[] = [];
    const saver = createAutosaver(async (text) => void saved.push(text), { quietMs: 250, maxDelayMs: 800 });
    for (let t = 0; t < 1000; t += 100) {
      saver.schedule(`v${t}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect(saved[0]).toBe('v700');
  });

  it('flush saves at once; cancel drops what is pending', async () => {
    const saved: string[] = [];
    const saver = createAutosaver(async (text) => void saved.push(text));
    saver.schedule('x');
    await saver.flush();
    expect(saved).toEqual(['x']);
    saver.schedule('y');
    saver.cancel();
    await vi.advanceTimersByTimeAsync(2000);
    await saver.flush();
    expect(saved).toEqual(['x']);
  });

  it('reports a failed save to onError and keeps saving later edits', async () => {
    const errors: unknown[] = [];
    const saved: string[] = [];
    let fail = true;
    const saver = createAutosaver(
      async (text) => {
        if (fail) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
        saved.push(text);
      },
      { onError: (error) => errors.push(error) },
    );
    saver.schedule('a');
    await saver.flush();
    expect((errors[0] as Error).name).toBe('QuotaExceededError');
    fail = false;
    saver.schedule('b');
    await saver.flush();
    expect(saved).toEqual(['b']);
  });

  it('unsaved is the latest text until its save has completed, also while it is in progress', async () => {
    let finish!: () => void;
    const saver = createAutosaver(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(saver.unsaved()).toBeUndefined();
    saver.schedule('a');
    expect(saver.unsaved()).toBe('a');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.unsaved()).toBe('a'); // being written, not committed yet
    finish();
    await flushed;
    expect(saver.unsaved()).toBeUndefined();
    saver.schedule('b');
    saver.cancel();
    expect(saver.unsaved()).toBeUndefined();
  });
});
