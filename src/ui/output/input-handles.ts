/**
 * A figure's inputs (withInputs) as Plotly shapes the learner can drag, and back: the value each
 * input has once its shapes were moved. Points are dots of a fixed size in pixels, anchored at
 * their data coordinates; a direction is a line through the origin.
 */
import type { FigureInput, Trace } from '../../plot/figure.ts';
import type { ShapeValue } from '../../kernel/types.ts';

export type Shape = Record<string, unknown>;

/** Which input (and which of its points) a handle shape stands for. */
export interface Handle {
  input: number;
  point?: number;
}

const COLORS = ['#e4572e', '#7b2cbf', '#0f9d58', '#f4a261'];
const DOT_RADIUS_PX = 8;

export function handleShapes(inputs: readonly FigureInput[], data: readonly Trace[], layout: Record<string, unknown>): { shapes: Shape[]; handles: Handle[] } {
  const shapes: Shape[] = [];
  const handles: Handle[] = [];
  inputs.forEach((input, i) => {
    const color = COLORS[i % COLORS.length];
    if (input.kind === 'direction') {
      const [ux, uy] = input.value as number[];
      const reach = directionReach(data, layout);
      shapes.push({ type: 'line', xref: 'x', yref: 'y', x0: -reach * ux, y0: -reach * uy, x1: reach * ux, y1: reach * uy, line: { color, width: 4 }, layer: 'above', name: input.label });
      handles.push({ input: i });
      return;
    }
    const points = input.kind === 'point' ? [input.value as number[]] : (input.value as number[][]);
    points.forEach(([x, y], point) => {
      shapes.push({
        type: 'circle', xref: 'x', yref: 'y', xsizemode: 'pixel', ysizemode: 'pixel', xanchor: x, yanchor: y,
        x0: -DOT_RADIUS_PX, x1: DOT_RADIUS_PX, y0: -DOT_RADIUS_PX, y1: DOT_RADIUS_PX,
        fillcolor: color, line: { color: '#ffffff', width: 2 }, layer: 'above', name: `${input.label} ${point + 1}`,
      });
      handles.push(input.kind === 'point' ? { input: i } : { input: i, point });
    });
  });
  return { shapes, handles };
}

/**
 * The inputs whose handles moved, with their new values, read from the shapes as Plotly left them
 * after a drag (`drawn` is the figure's whole shapes list; handles start at `offset`).
 */
export function movedInputs(inputs: readonly FigureInput[], handles: readonly Handle[], drawn: readonly Shape[], offset: number): { input: FigureInput; value: ShapeValue }[] {
  const values: (ShapeValue | undefined)[] = inputs.map(() => undefined);
  handles.forEach((handle, h) => {
    const shape = drawn[offset + h];
    const input = inputs[handle.input];
    if (!shape) return;
    if (input.kind === 'direction') {
      const dx = Number(shape.x1) - Number(shape.x0);
      const dy = Number(shape.y1) - Number(shape.y0);
      const length = Math.hypot(dx, dy);
      if (!(length > 0)) return;
      const [ux, uy] = input.value as number[];
      // A line has two ends: keep the sense of the direction the learner had.
      const sign = dx * ux + dy * uy < 0 ? -1 : 1;
      values[handle.input] = [round((sign * dx) / length), round((sign * dy) / length)];
      return;
    }
    const point = [round(Number(shape.xanchor)), round(Number(shape.yanchor))];
    if (!point.every(Number.isFinite)) return;
    if (input.kind === 'point') values[handle.input] = point;
    else {
      const list = (values[handle.input] as number[][] | undefined) ?? (input.value as number[][]).map((p) => [...p]);
      list[handle.point as number] = point;
      values[handle.input] = list;
    }
  });
  return inputs.flatMap((input, i) => {
    const value = values[i];
    return value !== undefined && JSON.stringify(value) !== JSON.stringify(input.value) ? [{ input, value }] : [];
  });
}

/** What a click at data coordinates (x, y) does to an input: moves the point, adds one, or turns the direction. */
export function clickedValue(input: FigureInput, x: number, y: number): ShapeValue | undefined {
  const at = [round(x), round(y)];
  if (input.kind === 'point') return at;
  if (input.kind === 'points') {
    const list = input.value as number[][];
    return list.length < (input.max ?? Infinity) ? [...list, at] : undefined;
  }
  const length = Math.hypot(x, y);
  return length > 0 ? [round(x / length), round(y / length)] : undefined;
}

/** Half the length of a direction's line: most of the way to the nearer edge of the axes or data. */
function directionReach(data: readonly Trace[], layout: Record<string, unknown>): number {
  const extent = (axis: 'x' | 'y') => {
    const range = (layout[`${axis}axis`] as { range?: unknown } | undefined)?.range;
    if (Array.isArray(range) && range.length === 2) return Math.min(Math.abs(Number(range[0])), Math.abs(Number(range[1])));
    let most = 0;
    for (const trace of data) {
      const values = trace[axis];
      if (Array.isArray(values) || ArrayBuffer.isView(values)) for (const v of Array.from(values as ArrayLike<unknown>)) if (typeof v === 'number' && Number.isFinite(v)) most = Math.max(most, Math.abs(v));
    }
    return most;
  };
  const reach = 0.9 * Math.min(extent('x'), extent('y'));
  return reach > 0 ? reach : 1;
}

/** Coordinates as a learner reads them: 4 significant digits, no float noise. */
export function round(value: number): number {
  return Number.parseFloat(value.toPrecision(4));
}
