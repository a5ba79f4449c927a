import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { busyShownLate } from '../../src/ui/cell/shown-state.ts';

describe('busyShownLate: what a cell bar shows', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const follow = (delayMs = 150) => {
    const shown: string[] = [];
    return { shown, states: busyShownLate((state) => shown.push(state), delayMs) };
  };

  it('a run over before the delay never shows as queued or running', () => {
    const { shown, states } = follow();
    states.update('done');
    states.update('queued');
    vi.advanceTimersByTime(5);
    states.update('running');
    vi.advanceTimersByTime(20);
    states.update('done');
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual(['done']);
  });

  it('a run that lasts shows its state once the delay is over, then follows it', () => {
    const { shown, states } = follow();
    states.update('done');
    states.update('queued');
    vi.advanceTimersByTime(100);
    states.update('running');
    expect(shown).toEqual(['done']);
    vi.advanceTimersByTime(50);
    expect(shown).toEqual(['done', 'running']);
    states.update('queued');
    states.update('running');
    states.update('error');
    expect(shown).toEqual(['done', 'running', 'queued', 'running', 'error']);
  });

  it('a cell that becomes busy again after a quick run waits the whole delay again', () => {
    const { shown, states } = follow();
    states.update('idle');
    states.update('queued');
    vi.advanceTimersByTime(140);
    states.update('done');
    states.update('queued');
    vi.advanceTimersByTime(140);
    expect(shown).toEqual(['idle', 'done']);
    vi.advanceTimersByTime(10);
    expect(shown).toEqual(['idle', 'done', 'queued']);
  });

  it('shows nothing more once disposed', () => {
    const { shown, states } = follow();
    states.update('queued');
    states.dispose();
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([]);
  });
});
