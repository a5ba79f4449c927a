/**
 * Whether a stepper is playing, shared by every copy of it on the page (the one in its cell and
 * the one in the control dock), so pausing either pauses the same playback. Keyed by the control's
 * key (cell id and control name, see controlKey).
 */
import { createSignal, type Accessor } from 'solid-js';

interface Playback {
  playing: Accessor<boolean>;
  setPlaying(playing: boolean): void;
  timer?: ReturnType<typeof setInterval>;
}

const playbacks = new Map<string, Playback>();

function playback(key: string): Playback {
  let found = playbacks.get(key);
  if (!found) {
    const [playing, setPlaying] = createSignal(false);
    found = { playing, setPlaying };
    playbacks.set(key, found);
  }
  return found;
}

export const isPlaying = (key: string): boolean => playback(key).playing();

export interface PlayRequest {
  /** The step shown now; play from here (from 0 when at the end). */
  from: number;
  count: number;
  intervalMs: number;
  onStep(step: number): void;
}

/** Starts playing: one step every intervalMs until the last step. */
export function play(key: string, request: PlayRequest): void {
  stop(key);
  const state = playback(key);
  const last = request.count - 1;
  let step = request.from;
  if (step >= last) {
    step = 0; // start over when play is pressed at the end
    request.onStep(0);
  }
  state.setPlaying(true);
  state.timer = setInterval(() => {
    step += 1;
    request.onStep(step);
    if (step >= last) stop(key);
  }, request.intervalMs);
}

export function stop(key: string): void {
  const state = playbacks.get(key);
  if (!state) return;
  clearInterval(state.timer);
  state.timer = undefined;
  state.setPlaying(false);
}

/** Stops every playback (the notebook was closed). */
export function stopAll(): void {
  for (const key of playbacks.keys()) stop(key);
  playbacks.clear();
}
