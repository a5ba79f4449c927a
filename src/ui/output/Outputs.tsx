import { Index } from 'solid-js';
import type { ControlValue, Output as OutputData } from '../../kernel/types.ts';
import { Output } from './Output.tsx';
import type { FigurePlace } from './figure-label.ts';

/**
 * A cell's outputs. <Index> keeps each position's component across runs, so a figure that is
 * re-drawn is updated in place (Plotly.react) instead of re-created: no flash.
 */
export function Outputs(props: {
  cellId: string;
  outputs: OutputData[];
  /** The cell's number as shown and its first comment: figures without a title are named from them. */
  cellNumber: number;
  cellComment: string | undefined;
  onControl(name: string, value: ControlValue): void;
}) {
  const figures = (): OutputData[] => props.outputs.filter((output) => output.kind === 'figure');
  const placeOf = (output: OutputData): FigurePlace => ({
    cellNumber: props.cellNumber,
    figureNumber: figures().indexOf(output) + 1,
    figureCount: figures().length,
    comment: props.cellComment,
  });
  return (
    <div class="outputs">
      <Index each={props.outputs}>{(output) => <Output output={output()} cellId={props.cellId} place={placeOf(output())} onControl={props.onControl} />}</Index>
    </div>
  );
}
