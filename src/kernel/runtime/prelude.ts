/**
 * Everything a notebook cell can use without an import: the in-house ML library, the plot
 * helpers, TensorFlow.js as `tf`, ml-matrix's `Matrix`, and the runtime helpers below.
 * Monaco's type declarations for cells are generated from this file.
 */
import * as tf from '@tensorflow/tfjs';
import { requireActiveRun } from './active-run.ts';
import type { DisplayHandle, ProgressHandle } from './run-context.ts';
import type { Markdown } from './to-output.ts';
import type { SliderOptions, NumberOptions, SelectOptions, CheckboxOptions, StepperOptions, DragPointOptions, DragPointsOptions, DragDirectionOptions } from './controls.ts';

export * from '../../ml/index.ts';
export * from '../../plot/index.ts';
export { Matrix } from 'ml-matrix';
export { tf };
export type { DisplayHandle, ProgressHandle, Markdown, SliderOptions, NumberOptions, SelectOptions, CheckboxOptions, StepperOptions, DragPointOptions, DragPointsOptions, DragDirectionOptions };
export { withInputs } from './figure-inputs.ts';
export { remember } from './remember.ts';

/**
 * Shows a value below the cell: a figure, a table, Markdown or text. Returns a handle whose
 * `update(value)` redraws it in place, e.g. a chart inside a training loop.
 * @example const h = display(line(xs, ys)); for (...) { h.update(line(xs, next)); await tick(); }
 */
export const display = (value: unknown): DisplayHandle => requireActiveRun('display').display(value);

/**
 * Markdown output, as a tagged template or a function. Values are interpolated as text.
 * Backslashes are kept as written, so LaTeX works (`$\theta$`); only an escaped backtick \`
 * becomes a backtick, so \`code\` is inline code.
 * @example md`The loss is **${loss}**`
 * @example md`Fitted with \`KMeans\`: $\hat\mu_k = ${mu}$`
 */
export const md = (strings: TemplateStringsArray | string, ...values: unknown[]): Markdown => requireActiveRun('md').md(strings, ...values);

/**
 * A progress bar; call `update(value)` as work advances.
 * @example const p = progress('Training', epochs); for (let e = 0; e < epochs; e++) { ...; p.update(e + 1); await tick(); }
 */
export const progress = (label?: string, max?: number): ProgressHandle => requireActiveRun('progress').progress(label, max);

/** Lets the page draw and the learner interrupt: `await tick()` inside long loops. */
export const tick = (): Promise<void> => requireActiveRun('tick').tick();

/**
 * A value computed in chunks, for training loops and other long work: write it as a generator
 * that yields the value so far every so often. On the page the cell finishes with the first
 * yield, the cells that read the value draw it at once, and each later yield updates them while
 * the work goes on; running the cell again (a control moved) stops the old generator. Headless
 * runs compute every chunk and keep the last value (or the one returned). An `async function*`
 * (one that awaits, e.g. TensorFlow.js training with `for await`) gives a promise: `await live(…)`.
 * @example const fit = live(function* () { const m = new Model(); for (let e = 1; e <= 200; e++) { m.step(); if (e % 20 === 0) yield { epoch: e, loss: m.loss } } })
 * @example const run = await live(async function* () { for await (const step of trainSteps(model, X, y, { epochs: 50 })) yield step })
 */
export function live<T>(make: () => Iterator<T, T | void>): T;
export function live<T>(make: () => AsyncIterator<T, T | void>): Promise<T>;
export function live(make: () => Iterator<unknown, unknown> | AsyncIterator<unknown, unknown>): unknown {
  return requireActiveRun('live').live(make);
}

/** Waits `ms` milliseconds (and stops if the run was replaced). */
export const sleep = (ms: number): Promise<void> => requireActiveRun('sleep').sleep(ms);

/**
 * A slider; returns its current value. Moving it re-runs this cell and every cell that uses it.
 * @example const lr = slider(0.1, { min: 0.001, max: 1, step: 0.001, label: 'learning rate' })
 */
export const slider = (initial: number, options?: SliderOptions): number => requireActiveRun('slider').slider(initial, options);

/**
 * A number box; returns its current value.
 * @example const seed = number(42, { label: 'seed' })
 */
export const number = (initial: number, options?: NumberOptions): number => requireActiveRun('number').number(initial, options);

/**
 * A drop-down; returns the chosen option.
 * @example const init = select(['k-means++', 'random'], { label: 'initialisation' })
 */
export const select = <T extends string | number>(choices: T[], options?: SelectOptions<T>): T => requireActiveRun('select').select(choices, options);

/**
 * A checkbox; returns true when ticked.
 * @example const standardise = checkbox(true, { label: 'standardise first' })
 */
export const checkbox = (initial?: boolean, options?: CheckboxOptions): boolean => requireActiveRun('checkbox').checkbox(initial, options);

/**
 * A button; returns how many times it was clicked. Clicking re-runs the cells that use it.
 * @example const resample = button('Draw a new sample')
 */
export const button = (label?: string): number => requireActiveRun('button').button(label);

/**
 * A step slider over 0..count-1 with play/pause, for walking through an algorithm's iterations.
 * Returns the step (0-based) and shows it as "step 3 of 10"; with `values` (one per step) it
 * shows what the step stands for too ("64 (step 6 of 10)") and still returns the step.
 * @example const step = stepper(history.length, { label: 'iteration' })
 * @example const i = stepper(sizes.length, { label: 'dₖ', values: sizes }); const dk = sizes[i]
 */
export const stepper = (count: number, options?: StepperOptions): number => requireActiveRun('stepper').stepper(count, options);

/**
 * A point [x, y] the learner sets by dragging its dot on a figure (show it there with
 * `withInputs(figure, point)`), clicking the figure, or typing in the cell's boxes.
 * @example const theta0 = dragPoint([-1, 2], { label: 'start θ₀' })
 */
export const dragPoint = (initial: readonly number[], options?: DragPointOptions): [number, number] => requireActiveRun('dragPoint').dragPoint(initial, options);

/**
 * A list of points [[x, y], …] the learner drags on a figure (withInputs), adds by clicking the
 * figure, and edits or removes in the cell's list.
 * @example const starts = dragPoints([[0, 0], [2, 1], [-1, 3]], { label: 'starting centroids', min: 1, max: 10 })
 */
export const dragPoints = (initial: readonly (readonly number[])[], options?: DragPointsOptions): [number, number][] => requireActiveRun('dragPoints').dragPoints(initial, options);

/**
 * A direction, as a unit vector [x, y], that the learner turns by dragging a line through the
 * origin on a figure (withInputs), clicking where it should point, or with the cell's angle slider.
 * @example const u = dragDirection([1, 0], { label: 'candidate axis' })
 */
export const dragDirection = (initial: readonly number[], options?: DragDirectionOptions): [number, number] => requireActiveRun('dragDirection').dragDirection(initial, options);
