import { createMemo, For, Match, onCleanup, Switch } from 'solid-js';
import type { ControlValue, Output } from '../../kernel/types.ts';
import { stepperText } from './stepper-text.ts';
import { isPlaying, play, stop } from './stepper-playback.ts';
import { DirectionControl, PointControl, PointsControl } from './ShapeControls.tsx';
import { withSignificantDigits } from '../../kernel/runtime/significant-digits.ts';

type ControlOutput = Extract<Output, { kind: 'control' }>;

/**
 * An input a cell asked for (slider, number, select, checkbox, button, stepper), as a real form
 * control with a label and its current value. Every change goes to the kernel at once; the
 * kernel runs only the latest value when changes come faster than runs.
 */
export function Control(props: {
  output: ControlOutput;
  /** Which control this is on the page (controlKey): copies of it share the key, and a stepper's playback. */
  controlKey: string;
  /** The copy in the control's own cell (a copy in the dock comes and goes; the cell's copy ends the playback). */
  original: boolean;
  onChange(value: ControlValue): void;
}) {
  const spec = () => props.output.control;
  // Every run of the control's cell shows it anew (a new output, often with the same value). Read
  // through a memo, the input is written only when the value changes: a number half typed into a
  // box is not reset because another control of the panel re-ran the cell.
  const value = createMemo(() => props.output.value);
  const as = <K extends ControlOutput['control']['type']>(type: K) =>
    spec().type === type ? (spec() as Extract<ControlOutput['control'], { type: K }>) : undefined;
  return (
    <div class={`control control-${spec().type}`} data-control={props.controlKey}>
      <Switch>
        <Match when={as('slider')}>
          {(slider) => (
            <label>
              <span class="control-label">{slider().label}</span>
              <input
                type="range"
                min={slider().min}
                max={slider().max}
                step={slider().step}
                value={Number(value())}
                onInput={(e) => props.onChange(e.currentTarget.valueAsNumber)}
              />
              <output class="control-value">{withSignificantDigits(Number(value()), 4)}</output>
            </label>
          )}
        </Match>
        <Match when={as('number')}>
          {(box) => (
            <label>
              <span class="control-label">{box().label}</span>
              <input
                type="number"
                min={box().min}
                max={box().max}
                step={box().step ?? 'any'}
                value={Number(value())}
                onChange={(e) => {
                  if (!Number.isNaN(e.currentTarget.valueAsNumber)) props.onChange(e.currentTarget.valueAsNumber);
                }}
              />
            </label>
          )}
        </Match>
        <Match when={as('select')}>
          {(select) => (
            <label>
              <span class="control-label">{select().label}</span>
              <select
                onChange={(e) => {
                  const chosen = select().options[e.currentTarget.selectedIndex];
                  if (chosen !== undefined) props.onChange(chosen);
                }}
              >
                <For each={select().options}>{(option) => <option selected={option === value()}>{String(option)}</option>}</For>
              </select>
            </label>
          )}
        </Match>
        <Match when={as('checkbox')}>
          {(checkbox) => (
            <label>
              <input type="checkbox" checked={value() === true} onChange={(e) => props.onChange(e.currentTarget.checked)} />
              <span class="control-label">{checkbox().label}</span>
            </label>
          )}
        </Match>
        <Match when={as('button')}>
          {(button) => (
            <button type="button" class="button" onClick={() => props.onChange(Number(value()) + 1)}>
              {button().label}
            </button>
          )}
        </Match>
        <Match when={as('point')}>{(point) => <PointControl label={point().label} value={value() as number[]} onChange={props.onChange} />}</Match>
        <Match when={as('points')}>
          {(points) => <PointsControl label={points().label} min={points().min} max={points().max} folded={!props.original} value={value() as number[][]} onChange={props.onChange} />}
        </Match>
        <Match when={as('direction')}>{(direction) => <DirectionControl label={direction().label} value={value() as number[]} onChange={props.onChange} />}</Match>
        <Match when={as('stepper')}>{(stepper) => <Stepper playbackKey={props.controlKey} original={props.original} label={stepper().label} count={stepper().count} intervalMs={stepper().intervalMs} values={stepper().values} value={Number(value())} onChange={props.onChange} />}</Match>
      </Switch>
    </div>
  );
}

/** A slider over the steps of an algorithm, with play/pause and single steps. */
function Stepper(props: { playbackKey: string; original: boolean; label: string; count: number; intervalMs: number; values?: string[]; value: number; onChange(value: number): void }) {
  const playing = () => isPlaying(props.playbackKey);
  const last = () => props.count - 1;
  // Eyes and ears get the same text: the output shows it, the range announces it.
  const shown = () => stepperText(props.value, props.count, props.values);
  // The playback outlives this copy (it is shared with the dock's); the cell's own copy ends it.
  if (props.original) onCleanup(() => stop(props.playbackKey));
  const togglePlay = () => {
    if (playing()) stop(props.playbackKey);
    else play(props.playbackKey, { from: props.value, count: props.count, intervalMs: props.intervalMs, onStep: props.onChange });
  };
  const go = (step: number) => {
    stop(props.playbackKey);
    props.onChange(Math.max(0, Math.min(last(), step)));
  };
  return (
    <div class="stepper" role="group" aria-label={props.label} data-interval-ms={props.intervalMs}>
      <button type="button" class="icon-button" aria-label={playing() ? 'Pause' : 'Play'} onClick={togglePlay}>
        {playing() ? '❚❚' : '▶'}
      </button>
      <button type="button" class="icon-button" aria-label="Previous step" disabled={props.value <= 0} onClick={() => go(props.value - 1)}>
        ‹
      </button>
      <label>
        <span class="control-label">{props.label}</span>
        <input type="range" min={0} max={last()} step={1} value={props.value} aria-valuetext={shown()} onInput={(e) => go(e.currentTarget.valueAsNumber)} />
      </label>
      <button type="button" class="icon-button" aria-label="Next step" disabled={props.value >= last()} onClick={() => go(props.value + 1)}>
        ›
      </button>
      <output class="control-value">{shown()}</output>
    </div>
  );
}
