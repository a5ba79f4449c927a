import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import type { CellView } from '../../kernel/types.ts';
import { formatDuration } from './format-duration.ts';

/** How long the cell ran, or has been running (ticking while it runs). */
export function RunTime(props: { view: CellView | undefined }) {
  const [now, setNow] = createSignal(performance.now());
  createEffect(() => {
    if (props.view?.state !== 'running') return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    onCleanup(() => clearInterval(timer));
  });
  const ms = () => {
    const view = props.view;
    if (view?.state === 'running' && view.startedAt !== undefined) return Math.max(0, now() - view.startedAt);
    return view?.state === 'idle' || view?.state === 'queued' ? undefined : view?.durationMs;
  };
  return (
    <Show when={ms() !== undefined}>
      <span class="run-time" title="Running time of the last run">
        {formatDuration(ms()!)}
      </span>
    </Show>
  );
}
