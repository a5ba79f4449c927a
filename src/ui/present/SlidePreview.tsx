import { createSignal, Index, lazy, Match, onCleanup, onMount, Show, Suspense, Switch } from 'solid-js';
import type { CellView, Output } from '../../kernel/types.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import { Control } from '../output/Control.tsx';
import { Table } from '../output/Table.tsx';
import { SlideView } from './SlideView.tsx';
import { previewScale, type Size } from './preview-scale.ts';
import type { Slide } from './slides.ts';

// Plotly and the figure code load with the first figure, as in the notebook (Output.tsx).
const PreviewFigure = lazy(() => import('./PreviewFigure.tsx'));

/** The preview is at most this share of the window's height, so the notes below it keep room. */
const MAX_HEIGHT_SHARE = 0.42;

/**
 * The next slide, for the presenter, as it will look: the real slide (SlideView: the same prose,
 * layout, figure heights and chart text) laid out at the size of the live slide beside it, then
 * scaled down to the preview's box. Its cells show their current outputs (figures drawn as still
 * pictures), read from the kernel: nothing runs for the preview, and as the outputs change (a
 * control moved on the live slide) the preview follows. It is `inert`: no focus, clicks or keys
 * reach it, so the clicker's keys stay with the presentation.
 */
export function SlidePreview(props: { slide: Slide; stage: Size; cellView(blockId: string): CellView | undefined }) {
  let box!: HTMLDivElement;
  const [room, setRoom] = createSignal(0);
  const [windowHeight, setWindowHeight] = createSignal(window.innerHeight);
  onMount(() => {
    setRoom(box.clientWidth);
    const sizes = new ResizeObserver(([entry]) => setRoom(entry.contentRect.width));
    sizes.observe(box);
    const resize = () => setWindowHeight(window.innerHeight);
    window.addEventListener('resize', resize);
    onCleanup(() => {
      sizes.disconnect();
      window.removeEventListener('resize', resize);
    });
  });
  const scale = () => previewScale(props.stage, { width: room(), height: MAX_HEIGHT_SHARE * windowHeight() });
  return (
    <div ref={box} class="slide-preview" style={{ height: `${Math.round(props.stage.height * scale())}px` }}>
      <div
        class="slide-preview-stage"
        inert
        style={{ width: `${props.stage.width}px`, height: `${props.stage.height}px`, transform: `scale(${scale()})` }}
      >
        <SlideView slide={props.slide} renderCell={(id) => <PreviewCell view={props.cellView(id)} />} codeShown={false} />
      </div>
    </div>
  );
}

/** A cell of the next slide: its outputs now, read-only (as a slide shows a cell with its code folded). */
function PreviewCell(props: { view: CellView | undefined }) {
  return (
    <div class="cell slide-preview-cell">
      <div class="cell-output">
        <Show when={props.view?.error?.kind !== 'upstream' && props.view?.error}>{(error) => <pre class="error-box">{error().message}</pre>}</Show>
        <div class="outputs">
          <Index each={props.view?.outputs ?? []}>{(output) => <PreviewOutput output={output()} />}</Index>
        </div>
      </div>
    </div>
  );
}

function PreviewOutput(props: { output: Output }) {
  const as = <K extends Output['kind']>(kind: K) => (props.output.kind === kind ? (props.output as Extract<Output, { kind: K }>) : undefined);
  return (
    <Switch>
      <Match when={as('figure')}>
        {(output) => (
          <Suspense>
            <PreviewFigure figure={output().figure} />
          </Suspense>
        )}
      </Match>
      <Match when={as('text')}>{(output) => <pre class="output-text">{output().text}</pre>}</Match>
      <Match when={as('markdown')}>{(output) => <div class="output-markdown prose" innerHTML={renderMarkdown(output().markdown)} />}</Match>
      <Match when={as('table')}>{(output) => <Table columns={output().columns} rows={output().rows} totalRows={output().totalRows} />}</Match>
      <Match when={as('log')}>{(output) => <pre class={`output-log log-${output().level}`}>{output().text}</pre>}</Match>
      {/* Its own key: the preview's copy is no control of the page (tests, keys and the dock look for those). */}
      <Match when={as('control')}>{(output) => <Control output={output()} controlKey={`preview:${output().name}`} original={false} onChange={() => undefined} />}</Match>
      <Match when={as('progress')}>
        {(output) => (
          <label class="output-progress">
            <span>{output().label}</span>
            <progress value={output().value} max={output().max} />
          </label>
        )}
      </Match>
    </Switch>
  );
}
