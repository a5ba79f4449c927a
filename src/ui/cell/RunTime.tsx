import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import type { CellView } from '../../kernel/types.ts';
import { formatDuration } from './format-duration.ts';

/**
 * How long the cell ran, or has been running (ticking while it runs). `shown` is the state the
 * cell's bar shows (shown-state.ts): a run too short to show as running keeps the last time until
 * it is done.
 */
export function RunTime(props: { view: CellView | undefined; shown: CellView['state'] }) {
  const [now, setNow] = createSignal(performance.now());
  createEffect(() => {
    if (props.shown !== 'running') return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    onCleanup(() => clearInterval(timer));
  });
  const ms = () => {
    const view = props.view;
    if (props.shown === 'running' && view?.startedAt !== undefined) return Math.max(0, now() - view.startedAt);
    return props.shown === 'idle' || props.shown === 'queued' ? undefined : view?.durationMs;
  };
  return (
    <Show when={ms() !== undefined}>
      <span class="run-time" title="Running time of the last run">
        {formatDuration(ms()!)}
      </span>
    </Show>
  );
}
