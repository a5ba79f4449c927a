import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { ControlValue, Output } from '../../kernel/types.ts';
import { Control } from '../output/Control.tsx';
import { controlKey } from '../output/control-key.ts';
import { upstreamCells, type CellNames } from './upstream-cells.ts';
import { measureOnScreen, type OnScreen } from './on-screen.ts';

type ControlOutput = Extract<Output, { kind: 'control' }>;

interface DockedControl {
  cellId: string;
  name: string;
  key: string;
}

/**
 * The controls that drive the figures on screen, pinned to the bottom of the window while their
 * own cells are scrolled away: a learner looking at a chart can move what it depends on without
 * losing sight of it. Each is a second copy of the control in its cell (same kernel value, same
 * stepper playback), listed in notebook order.
 */
export function ControlDock(props: {
  codeIds: string[];
  cellNames(cellId: string): CellNames | undefined;
  controls(cellId: string): ControlOutput[];
  onControl(cellId: string, name: string, value: ControlValue): void;
  /** What is on screen, when the page knows it without measuring (a slide shows its cells whole). */
  shown?: () => OnScreen;
  /** Starts folded to one line (a slide keeps its room; the presenter opens it when needed). */
  startFolded?: boolean;
}) {
  let dock!: HTMLElement;
  const [onScreen, setOnScreen] = createSignal<OnScreen>({ figureCells: [], controls: new Set() }, {
    equals: (a, b) => a.figureCells.join() === b.figureCells.join() && [...a.controls].join() === [...b.controls].join(),
  });
  const [folded, setFolded] = createSignal(props.startFolded === true);

  // Compared by key, so that a value change (a new output object) keeps the same copy on screen:
  // a slider dragged in the dock must not be re-created under the pointer.
  const current = () => props.shown?.() ?? onScreen();
  const docked = createMemo(
    (): DockedControl[] => {
      const cells = props.codeIds.map((id) => props.cellNames(id)).filter((cell): cell is CellNames => cell !== undefined);
      const upstream = new Set(current().figureCells.flatMap((id) => upstreamCells(cells, id)));
      return props.codeIds
        .filter((id) => upstream.has(id))
        .flatMap((cellId) => props.controls(cellId).map(({ name }) => ({ cellId, name, key: controlKey(cellId, name) })))
        .filter((control) => !current().controls.has(control.key));
    },
    [],
    { equals: (a, b) => a.map((c) => c.key).join('\n') === b.map((c) => c.key).join('\n') },
  );

  onMount(() => {
    if (props.shown) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const toolbar = document.querySelector('.toolbar-wrap')?.getBoundingClientRect().bottom ?? 0;
      const dockTop = dock.offsetHeight > 0 ? dock.getBoundingClientRect().top : window.innerHeight;
      setOnScreen(measureOnScreen(document, { top: Math.max(0, toolbar), bottom: Math.min(window.innerHeight, dockTop) }));
    };
    const soon = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', soon, { passive: true });
    window.addEventListener('resize', soon);
    // Figures and controls appear as cells run, and move as outputs above them grow. Plotly
    // redrawing a figure's inside moves nothing around it (its box keeps its size), and measuring
    // after each draw cost a forced layout of the page, 4–18 ms a move.
    const changes = new MutationObserver((records) => {
      if (!records.every(insideDrawnFigure)) soon();
    });
    const page = dock.closest('.notebook') ?? document.body;
    changes.observe(page, { childList: true, subtree: true });
    soon();
    onCleanup(() => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', soon);
      window.removeEventListener('resize', soon);
      changes.disconnect();
    });
  });

  return (
    <aside ref={dock} class="control-dock" classList={{ 'control-dock-empty': docked().length === 0 }} aria-label="Controls of the figures on screen">
      <Show when={docked().length > 0}>
        <button type="button" class="control-dock-toggle" aria-expanded={!folded()} onClick={() => setFolded(!folded())} title="Controls of the figures on screen, whose cells are scrolled away">
          {folded() ? `▸ Controls (${docked().length})` : '▾ Controls'}
        </button>
        <Show when={!folded()}>
          <div class="control-dock-items">
            <For each={docked()}>
              {(control) => (
                <Show when={props.controls(control.cellId).find((output) => output.name === control.name)}>
                  {(output) => <Control output={output()} controlKey={control.key} original={false} onChange={(value) => props.onControl(control.cellId, control.name, value)} />}
                </Show>
              )}
            </For>
          </div>
        </Show>
      </Show>
    </aside>
  );
}

/**
 * Whether a change is inside the drawing Plotly keeps in a figure (not the figure's box itself),
 * or in a part of it Plotly has since taken out of the page (it redraws annotations anew).
 */
function insideDrawnFigure(record: MutationRecord): boolean {
  return record.target instanceof Element && (!record.target.isConnected || record.target.closest('.plot-container') !== null);
}
