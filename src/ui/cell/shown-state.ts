import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { CellView } from '../../kernel/types.ts';

type State = CellView['state'];

/** How long (ms) a cell has to be queued or running before its bar says so. */
export const BUSY_SHOWN_AFTER_MS = 150;

const isBusy = (state: State) => state === 'queued' || state === 'running';

/**
 * Follows a cell's state for its bar, the way a spinner is shown only for work that takes a
 * while: 'queued' and 'running' show once the cell has been busy for `delayMs`; any other state
 * shows at once. A slider dragged re-runs its cells in a few milliseconds each time; shown at
 * once, every move flashed each cell's bar through queued, running and back, and each of those
 * messages from the runtime cost the page a layout and a repaint of the whole notebook before
 * the figure could be drawn (measured on pca's direction: ~10 ms of ~120 ms a move).
 */
export function busyShownLate(show: (state: State) => void, delayMs = BUSY_SHOWN_AFTER_MS) {
  let shown: State | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: State | undefined;
  const set = (state: State) => {
    if (state === shown) return;
    shown = state;
    show(state);
  };
  return {
    update(state: State): void {
      latest = state;
      if (!isBusy(state)) {
        clearTimeout(timer);
        timer = undefined;
        set(state);
      } else if (shown !== undefined && isBusy(shown)) set(state); // already showing busy: queued → running
      else timer ??= setTimeout(() => {
        timer = undefined;
        if (latest !== undefined) set(latest);
      }, delayMs);
    },
    dispose(): void {
      clearTimeout(timer);
    },
  };
}

/** `busyShownLate` as a Solid accessor: the state a cell's bar shows. */
export function shownState(state: Accessor<State>): Accessor<State> {
  const [shown, setShown] = createSignal<State>(isBusy(state()) ? 'idle' : state());
  const follow = busyShownLate(setShown);
  createEffect(() => follow.update(state()));
  onCleanup(() => follow.dispose());
  return shown;
}
