/**
 * Figure inputs: the values dragPoint, dragPoints and dragDirection return remember which control
 * they came from, so that `withInputs(figure, theta0)` in any later cell can show theta0's handles
 * on that figure and route the learner's drags back to the right control.
 */
import type { Figure, FigureInput } from '../../plot/figure.ts';
import { isFigure } from '../../plot/figure.ts';

type InputRef = Omit<FigureInput, 'value'>;

const origins = new WeakMap<object, InputRef>();

/** Marks a value a figure-input helper returned (a fresh array per run). */
export function rememberInput(value: object, ref: InputRef): void {
  origins.set(value, ref);
}

/**
 * The figure with the learner's inputs on it: each input is drawn as handles (a dot per point, a
 * line through the origin for a direction) that can be dragged, and a click on the figure moves
 * the point, adds a point or turns the direction towards it. Dependent cells re-run with the value.
 * @example const theta0 = dragPoint([-1, 2], { label: 'start θ₀' }) … withInputs(contour(loss, box), theta0)
 */
export function withInputs(figure: Figure, ...inputs: unknown[]): Figure {
  if (!isFigure(figure)) throw new TypeError('withInputs: the first argument must be a figure (from plot, scatter, contour, …)');
  const added = inputs.map((input, i) => {
    const ref = typeof input === 'object' && input !== null ? origins.get(input) : undefined;
    if (!ref) throw new TypeError(`withInputs: argument ${i + 2} is not a figure input; pass the value dragPoint, dragPoints or dragDirection returned, itself (not a copy)`);
    return { ...ref, value: structuredClone(input as number[] | number[][]) };
  });
  return { ...figure, inputs: [...(figure.inputs ?? []), ...added] };
}
