import { lazy, Match, Suspense, Switch } from 'solid-js';
import type { ControlValue, Output as OutputData } from '../../kernel/types.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import { Table } from './Table.tsx';
import { Control } from './Control.tsx';
import { controlKey } from './control-key.ts';
import { figureHeight } from './figure-height.ts';
import { figureLabel, type FigurePlace } from './figure-label.ts';

// Plotly is 0.5 MB gzip (cartesian bundle) to 1.5 MB (full): the Figure component (and Plotly with it) loads when a figure appears.
const Figure = lazy(() => import('./Figure.tsx'));

/** One output of a cell, by kind. */
export function Output(props: { output: OutputData; cellId: string; place: FigurePlace; onControl(name: string, value: ControlValue): void }) {
  const as = <K extends OutputData['kind']>(kind: K) => (props.output.kind === kind ? (props.output as Extract<OutputData, { kind: K }>) : undefined);
  return (
    <Switch>
      <Match when={as('figure')}>
        {(output) => (
          <Suspense fallback={<div class="figure figure-loading" style={{ height: `${figureHeight(output().figure.layout)}px` }} />}>
            <Figure figure={output().figure} label={figureLabel(output().figure, props.place)} />
          </Suspense>
        )}
      </Match>
      <Match when={as('text')}>{(output) => <pre class="output-text">{output().text}</pre>}</Match>
      <Match when={as('markdown')}>{(output) => <div class="output-markdown prose" innerHTML={renderMarkdown(output().markdown)} />}</Match>
      <Match when={as('table')}>{(output) => <Table columns={output().columns} rows={output().rows} totalRows={output().totalRows} />}</Match>
      <Match when={as('log')}>{(output) => <pre class={`output-log log-${output().level}`}>{output().text}</pre>}</Match>
      <Match when={as('control')}>{(output) => <Control output={output()} controlKey={controlKey(props.cellId, output().name)} original={true} onChange={(value) => props.onControl(output().name, value)} />}</Match>
      <Match when={as('progress')}>
        {(output) => (
          <label class="output-progress">
            <span>{output().label}</span>
            <progress value={output().value} max={output().max} />
            <span class="progress-value">
              {output().value} / {output().max}
            </span>
          </label>
        )}
      </Match>
    </Switch>
  );
}
