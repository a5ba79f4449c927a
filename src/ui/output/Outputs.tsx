import { Index } from 'solid-js';
import type { ControlValue, Output as OutputData } from '../../kernel/types.ts';
import { Output } from './Output.tsx';

/**
 * A cell's outputs. <Index> keeps each position's component across runs, so a figure that is
 * re-drawn is updated in place (Plotly.react) instead of re-created: no flash.
 */
export function Outputs(props: { cellId: string; outputs: OutputData[]; onControl(name: string, value: ControlValue): void }) {
  return (
    <div class="outputs">
      <Index each={props.outputs}>{(output) => <Output output={output()} onControl={props.onControl} />}</Index>
    </div>
  );
}
