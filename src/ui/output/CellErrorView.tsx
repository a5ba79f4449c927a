import { Show } from 'solid-js';
import type { CellError } from '../../kernel/types.ts';

const HEADINGS: Record<CellError['kind'], string> = {
  syntax: 'Syntax error',
  runtime: 'Error',
  duplicate: 'Name defined twice',
  cycle: 'Circular dependency',
  upstream: 'Stale',
  timeout: 'Stopped: too slow',
  interrupted: 'Interrupted',
  crash: 'Kernel stopped',
};

/** A cell's error: what went wrong, where (the cell's line, shown), and what to do. */
export function CellErrorView(props: { error: CellError; source: string }) {
  return (
    <Show when={props.error.kind !== 'upstream'} fallback={<StaleNote error={props.error} />}>
      <ErrorBox error={props.error} source={props.source} />
    </Show>
  );
}

/** Not this cell's fault: a cell it reads from failed. The message names that cell ("Stale: cell 2 failed…"). */
function StaleNote(props: { error: CellError }) {
  return (
    <div class="error-box error-upstream" role="status">
      <p class="error-message">{props.error.message}</p>
    </div>
  );
}

function ErrorBox(props: { error: CellError; source: string }) {
  const lineText = () => (props.error.line !== undefined ? props.source.split('\n')[props.error.line - 1] : undefined);
  return (
    <div class={`error-box error-${props.error.kind}`} role="alert">
      <strong>
        {HEADINGS[props.error.kind]}
        <Show when={props.error.line !== undefined}>
          {' '}
          on line {props.error.line}
          <Show when={props.error.column !== undefined}>, column {props.error.column}</Show>
        </Show>
      </strong>
      <p class="error-message">{props.error.message}</p>
      <Show when={lineText() !== undefined}>
        <pre class="error-source">
          <span class="error-line-number">{props.error.line} </span>
          {lineText()}
          <Show when={props.error.column !== undefined}>
            {'\n'}
            <span class="error-caret">{' '.repeat(String(props.error.line).length + (props.error.column ?? 1))}^</span>
          </Show>
        </pre>
      </Show>
    </div>
  );
}
