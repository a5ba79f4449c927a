import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import type { CellView, ControlValue } from '../../kernel/types.ts';
import { CellEditor, type EditorHandle } from '../editor/CellEditor.tsx';
import { Outputs } from '../output/Outputs.tsx';
import { CellErrorView } from '../output/CellErrorView.tsx';
import { TypeWarnings } from '../output/TypeWarnings.tsx';
import type { TypeWarning } from '../../typecheck/cell-type-checker.ts';
import { RunTime } from './RunTime.tsx';
import { hiddenSummary } from './hidden-summary.ts';
import { firstComment } from './first-comment.ts';
import { rememberedHeight, rememberHeight } from './output-heights.ts';
import { shownState } from './shown-state.ts';
import { LastPictures } from './LastPictures.tsx';
import type { LastPictures as Pictures } from '../notebook/last-pictures.ts';

/** What the notebook can do with a cell from outside: focus it (Shift+Enter moves on). */
export interface CellHandle {
  focus(): void;
  hasFocus(): boolean;
}

export interface CellProps {
  id: string;
  /** Storage key of the notebook (to remember output heights between visits). */
  notebookKey: string;
  /** The notebook runs on open, so the remembered output height is worth reserving. */
  reserveOutputs: boolean;
  /** Its figures' pictures from the last visit, shown until they are drawn again, and taken for the next (not on a slide). */
  pictures?: Pictures;
  /** Position among the code cells (0-based), shown 1-based. */
  index: number;
  count: number;
  source: string;
  options: string[];
  view: CellView | undefined;
  /** The source of the last run, to mark a cell edited since. */
  ranSource: string | undefined;
  /** Type errors found in the notebook's last checked sources (shown once the cell has run). */
  typeWarnings: TypeWarning[];
  register(handle: CellHandle): void;
  onSource(source: string): void;
  onRun(): void;
  onRunAndNext(): void;
  onDelete(): void;
  onMove(direction: -1 | 1): void;
  onHiddenChange(hidden: boolean): void;
  onControl(name: string, value: ControlValue): void;
}

/** A code cell: toolbar, code (static until focused, then Monaco), outputs and error. */
export function Cell(props: CellProps) {
  let root!: HTMLElement;
  let outputArea!: HTMLDivElement;
  let editor: EditorHandle | undefined;
  // Until the first run of this visit finishes, keep the room the outputs took last time.
  const [settled, setSettled] = createSignal(false);
  const reserved = props.reserveOutputs ? rememberedHeight(props.notebookKey, props.id) : 0;
  // The height is remembered as long as the cell is on the page, not once at the end of the run:
  // a figure is drawn (and math typeset) a moment after its cell is done.
  const heightWatcher = new ResizeObserver(() => rememberHeight(props.notebookKey, props.id, outputArea.getBoundingClientRect().height));
  onCleanup(() => heightWatcher.disconnect());
  createEffect(() => {
    const current = state();
    if ((current !== 'done' && current !== 'error') || settled()) return;
    setSettled(true);
    heightWatcher.observe(outputArea);
  });
  const [unfolded, setUnfolded] = createSignal(false);
  // What Tab and Esc do in the editor, shown while it has the focus: leaving it is never a secret.
  const [editorHint, setEditorHint] = createSignal<string>();
  const hidden = () => props.options.includes('hidden') && !unfolded();
  const state = () => props.view?.state ?? 'idle';
  // What the cell's bar shows: a run shows as busy only once it lasts (shown-state.ts).
  // data-state is the state itself, for tests and tools.
  const shown = shownState(state);
  const stale = () => props.ranSource !== undefined && props.ranSource !== props.source && state() !== 'running' && state() !== 'queued';
  // A cell upstream failed, so this one did not run: what it shows is from an earlier run (dimmed).
  const staleUpstream = () => state() === 'error' && props.view?.error?.kind === 'upstream';

  props.register({
    focus: () => {
      setUnfolded(true);
      if (editor) editor.focus();
      else root.focus();
      root.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    },
    hasFocus: () => root.contains(document.activeElement),
  });

  return (
    <section
      ref={root}
      // One class string: Solid's `class` replaces the whole attribute when it changes, wiping
      // what a `classList` beside it had set (the shown state changes on its own timer).
      class={['cell', `cell-${shown()}`, stale() ? 'cell-stale' : '', staleUpstream() ? 'cell-stale-upstream' : ''].filter(Boolean).join(' ')}
      data-cell={props.index}
      data-block={props.id}
      data-state={state()}
      tabIndex={-1}
      aria-label={`Cell ${props.index + 1}`}
    >
      <div class="cell-bar">
        <span class="cell-label">[{props.index + 1}]</span>
        <span class="cell-state">
          <StateText state={shown()} stale={stale()} staleUpstream={staleUpstream()} />
          <RunTime view={props.view} shown={shown()} />
        </span>
        <Show when={editorHint()}>
          {/* Screen readers hear it in the editor's own label. */}
          <span class="editor-hint" aria-hidden="true">
            {editorHint()}
          </span>
        </Show>
        <div class="cell-actions" role="toolbar" aria-label={`Cell ${props.index + 1} actions`}>
          <button type="button" class="icon-button" aria-label="Run cell" title="Run cell (Shift+Enter)" onClick={props.onRun}>
            ▶
          </button>
          <button type="button" class="icon-button" aria-label="Move cell up" title="Move cell up" disabled={props.index === 0} onClick={() => props.onMove(-1)}>
            ↑
          </button>
          <button type="button" class="icon-button" aria-label="Move cell down" title="Move cell down" disabled={props.index === props.count - 1} onClick={() => props.onMove(1)}>
            ↓
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={props.options.includes('hidden') ? 'Show code by default' : 'Hide code by default'}
            title={props.options.includes('hidden') ? 'Show this cell’s code when the notebook opens' : 'Fold this cell’s code when the notebook opens'}
            onClick={() => props.onHiddenChange(!props.options.includes('hidden'))}
          >
            {props.options.includes('hidden') ? '◉' : '◎'}
          </button>
          <button type="button" class="icon-button danger" aria-label="Delete cell" title="Delete cell" onClick={props.onDelete}>
            ✕
          </button>
        </div>
      </div>
      <Show
        when={!hidden()}
        fallback={
          <button type="button" class="hidden-cell" onClick={() => setUnfolded(true)} aria-expanded="false">
            <span aria-hidden="true">▸</span> {hiddenSummary(props.source)}
          </button>
        }
      >
        <CellEditor
          cellId={props.id}
          source={props.source}
          errorLine={props.view?.error?.line}
          onChange={props.onSource}
          onRun={props.onRun}
          onRunAndNext={props.onRunAndNext}
          onHint={setEditorHint}
          ref={(handle) => (editor = handle)}
        />
      </Show>
      <div
        ref={outputArea}
        class="cell-output"
        classList={{ 'cell-output-reserved': !settled() && reserved > 0 }}
        style={{ 'min-height': !settled() && reserved > 0 ? `${reserved}px` : undefined }}
        aria-live="polite"
      >
        <Show when={props.pictures}>{(pictures) => <LastPictures cellId={props.id} pictures={pictures()} settled={settled()} />}</Show>
        <Show when={props.view?.error}>{(error) => <CellErrorView error={error()} source={props.source} />}</Show>
        <Show when={(state() === 'done' || state() === 'error') && props.typeWarnings.length > 0}>
          <TypeWarnings warnings={props.typeWarnings} source={props.ranSource ?? props.source} />
        </Show>
        <Outputs cellId={props.id} outputs={props.view?.outputs ?? []} cellNumber={props.index + 1} cellComment={firstComment(props.source)} onControl={props.onControl} />
      </div>
    </section>
  );
}

const STATE_TEXT = { idle: '', queued: 'queued', running: 'running', done: '', error: 'error' } as const;

function StateText(props: { state: CellView['state']; stale: boolean; staleUpstream: boolean }) {
  const text = () => (props.stale ? 'edited – run to update' : props.staleUpstream ? 'stale' : STATE_TEXT[props.state]);
  return (
    <>
      <span class={`state-dot state-${props.staleUpstream ? 'stale' : props.state}`} aria-hidden="true" />
      <span class="state-text">{text()}</span>
    </>
  );
}
