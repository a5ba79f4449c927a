import { For, Show } from 'solid-js';
import type { TypeWarning } from '../../typecheck/cell-type-checker.ts';

/**
 * A run cell's type errors, as warnings: the cell ran (JavaScript does not check types), but a
 * value is not what its type says, which is often why a result looks wrong (NaN, undefined).
 */
export function TypeWarnings(props: { warnings: TypeWarning[]; source: string }) {
  const lineText = (line: number) => props.source.split('\n')[line - 1];
  return (
    <div class="warning-box type-warnings" role="status">
      <For each={props.warnings}>
        {(warning) => (
          <div class="type-warning">
            <strong>
              Type error on line {warning.line}, column {warning.column}
            </strong>
            <p class="error-message">{warning.message}</p>
            <Show when={lineText(warning.line) !== undefined}>
              <pre class="error-source">
                <span class="error-line-number">{warning.line} </span>
                {lineText(warning.line)}
                {'\n'}
                <span class="warning-caret">{' '.repeat(String(warning.line).length + warning.column)}^</span>
              </pre>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
