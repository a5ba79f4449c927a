/**
 * The learner acting on a figure's inputs: dragging a handle (Plotly reports the moved shapes in
 * plotly_relayout), clicking the plot area (moves the point, adds a point, turns the direction)
 * and arrow keys on the focused figure (nudge the first input's last point, or turn a direction).
 */
import type { FigureInput } from '../../plot/figure.ts';
import type { ShapeValue } from '../../kernel/types.ts';
import { clickedValue, movedInputs, round, type Handle, type Shape } from './input-handles.ts';
import { marksStayPut } from './marks-stay-put.ts';

export interface DrawnInputs {
  inputs: FigureInput[];
  offset: number;
  handles: Handle[];
}

interface PlotAxis {
  p2d(pixel: number): number;
  _offset: number;
  range: [number, number];
}
interface PlotElement extends HTMLElement {
  layout?: { shapes?: Shape[] };
  _fullLayout?: { xaxis?: PlotAxis; yaxis?: PlotAxis };
  on?(event: string, listener: (data: unknown) => void): void;
}

/** A press that moved more than this many pixels before release was a drag, not a click. */
const CLICK_SLOP_PX = 4;
/** Arrow keys move a point by this share of the axis range, or turn a direction by this many degrees. */
const NUDGE_SHARE = 0.02;
const NUDGE_DEGREES = 5;

/**
 * Listens on a drawn Plotly element; `current()` gives the inputs as last drawn, `set` the new value.
 * Returns a function that stops listening.
 */
export function listenToInputs(element: PlotElement, current: () => DrawnInputs | undefined, set: (input: FigureInput, value: ShapeValue) => void): () => void {
  element.on?.('plotly_relayout', () => {
    const drawn = current();
    if (!drawn) return;
    for (const { input, value } of movedInputs(drawn.inputs, drawn.handles, element.layout?.shapes ?? [], drawn.offset)) set(input, value);
  });
  // A handle dropped redraws the shapes before the next figure arrives: the marks must stay put meanwhile.
  element.on?.('plotly_afterplot', () => {
    const drawn = current();
    if (drawn) marksStayPut(element, drawn.offset);
  });

  let pressedAt: [number, number] | undefined;
  const press = (event: MouseEvent) => (pressedAt = [event.clientX, event.clientY]);
  const click = (event: MouseEvent) => {
    const drawn = current();
    const target = event.target as Element | null;
    const start = pressedAt;
    pressedAt = undefined;
    if (!drawn || !start || Math.hypot(event.clientX - start[0], event.clientY - start[1]) > CLICK_SLOP_PX) return;
    if (!target?.closest('.nsewdrag') || drawn.inputs.length === 0) return;
    const at = dataCoordinates(element, event);
    const input = drawn.inputs[0];
    const value = at && clickedValue(input, at[0], at[1]);
    if (value) set(input, value);
  };
  const key = (event: KeyboardEvent) => {
    const drawn = current();
    const input = drawn?.inputs[0];
    const step = ARROWS[event.key];
    if (!input || !step || event.target !== element) return;
    const value = nudged(element, input, step);
    if (!value) return;
    event.preventDefault();
    set(input, value);
  };
  element.addEventListener('mousedown', press, true);
  element.addEventListener('click', click, true);
  element.addEventListener('keydown', key);
  return () => {
    element.removeEventListener('mousedown', press, true);
    element.removeEventListener('click', click, true);
    element.removeEventListener('keydown', key);
  };
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** A mouse event's position in the data coordinates of the figure's first axes (Plotly's own conversion). */
function dataCoordinates(element: PlotElement, event: MouseEvent): [number, number] | undefined {
  const xa = element._fullLayout?.xaxis;
  const ya = element._fullLayout?.yaxis;
  if (!xa || !ya) return undefined;
  const box = element.getBoundingClientRect();
  return [xa.p2d(event.clientX - box.left - xa._offset), ya.p2d(event.clientY - box.top - ya._offset)];
}

function nudged(element: PlotElement, input: FigureInput, [dx, dy]: [number, number]): ShapeValue | undefined {
  if (input.kind === 'direction') {
    const [ux, uy] = input.value as number[];
    // Right/up turn anticlockwise, left/down clockwise.
    const turn = ((dx + dy) * NUDGE_DEGREES * Math.PI) / 180;
    return [round(ux * Math.cos(turn) - uy * Math.sin(turn)), round(ux * Math.sin(turn) + uy * Math.cos(turn))];
  }
  const span = (axis: PlotAxis | undefined) => (axis ? Math.abs(axis.range[1] - axis.range[0]) : 1);
  const move = ([x, y]: number[]) => [round(x + dx * NUDGE_SHARE * span(element._fullLayout?.xaxis)), round(y + dy * NUDGE_SHARE * span(element._fullLayout?.yaxis))];
  if (input.kind === 'point') return move(input.value as number[]);
  const list = (input.value as number[][]).map((p) => [...p]);
  if (list.length === 0) return undefined;
  list[list.length - 1] = move(list[list.length - 1]);
  return list;
}
