import { For, Show } from 'solid-js';
import { withSignificantDigits } from '../../kernel/runtime/significant-digits.ts';

type CellValue = string | number | boolean | null;

/** A table output: a header, the rows shown, and how many there are in all. */
export function Table(props: { columns: string[]; rows: CellValue[][]; totalRows: number }) {
  return (
    <div class="output-table">
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <For each={row}>{(value) => <td classList={{ number: typeof value === 'number' }}>{formatValue(value)}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.totalRows > props.rows.length}>
        <p class="table-note">
          Showing {props.rows.length} of {props.totalRows} rows.
        </p>
      </Show>
    </div>
  );
}

/** Numbers to at most 6 significant digits; null as an empty-looking dash. */
export function formatValue(value: CellValue): string {
  if (value === null) return '–';
  if (typeof value === 'number') return withSignificantDigits(value, 6);
  return String(value);
}
