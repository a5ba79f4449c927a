import { createMemo, For, Show } from 'solid-js';
import type { ShapeValue } from '../../kernel/types.ts';
import { round } from './input-handles.ts';

/**
 * The in-cell side of figure inputs: boxes for a point's coordinates, a list of points, an angle
 * for a direction. They are the keyboard's and screen reader's way to the same value the figure's
 * handles set, and they show the value exactly.
 */
export function PointControl(props: { label: string; value: number[]; onChange(value: ShapeValue): void }) {
  return (
    <fieldset class="shape-control">
      <legend class="control-label">{props.label}</legend>
      <Coordinates label={props.label} value={props.value} onChange={props.onChange} />
    </fieldset>
  );
}

export function PointsControl(props: { label: string; value: number[][]; min: number; max: number; /** Folded to one line until opened (the dock's copy). */ folded?: boolean; onChange(value: ShapeValue): void }) {
  const replace = (index: number, point: number[]) => props.onChange(props.value.map((p, i) => (i === index ? point : p)));
  const remove = (index: number) => props.onChange(props.value.filter((_, i) => i !== index));
  const add = () => {
    const last = props.value[props.value.length - 1] ?? [0, 0];
    props.onChange([...props.value, [round(last[0] + 1), round(last[1])]]);
  };
  const list = () => (
    <>
      <ol class="shape-points">
        <For each={props.value}>
          {(point, i) => (
            <li>
              <Coordinates label={`${props.label} ${i() + 1}`} value={point} onChange={(next) => replace(i(), next)} />
              <button type="button" class="icon-button" aria-label={`Remove ${props.label} ${i() + 1}`} disabled={props.value.length <= props.min} onClick={() => remove(i())}>
                ✕
              </button>
            </li>
          )}
        </For>
      </ol>
      <Show when={props.value.length < props.max}>
        <button type="button" class="button shape-add" onClick={add}>
          Add a point
        </button>
      </Show>
    </>
  );
  return (
    <Show
      when={props.folded}
      fallback={
        <fieldset class="shape-control">
          <legend class="control-label">
            {props.label} <span class="shape-count">({props.value.length})</span>
          </legend>
          {list()}
        </fieldset>
      }
    >
      <details class="shape-control shape-folded">
        <summary class="control-label">
          {props.label} <span class="shape-count">({props.value.length} points; drag them on the figure)</span>
        </summary>
        {list()}
      </details>
    </Show>
  );
}

export function DirectionControl(props: { label: string; value: number[]; onChange(value: ShapeValue): void }) {
  const degrees = () => Math.round((Math.atan2(props.value[1], props.value[0]) * 180) / Math.PI);
  const turnTo = (angle: number) => {
    const radians = (angle * Math.PI) / 180;
    props.onChange([round(Math.cos(radians)), round(Math.sin(radians))]);
  };
  return (
    <label>
      <span class="control-label">{props.label}</span>
      <input type="range" min={-180} max={180} step={1} value={degrees()} aria-valuetext={`${degrees()} degrees`} onInput={(e) => turnTo(e.currentTarget.valueAsNumber)} />
      <output class="control-value">
        {degrees()}° ({round(props.value[0])}, {round(props.value[1])})
      </output>
    </label>
  );
}

/** Two number boxes, x and y; a change is sent when a box is committed (Enter, arrows, leaving it). */
function Coordinates(props: { label: string; value: number[]; onChange(value: number[]): void }) {
  const box = (axis: 0 | 1) => {
    // Written only when the coordinate changes, not at every run of the cell (see Control.tsx).
    const coordinate = createMemo(() => props.value[axis]);
    return (
      <label class="shape-coordinate">
        <span>{axis === 0 ? 'x' : 'y'}</span>
        <input
          type="number"
          step="0.1"
          value={coordinate()}
          aria-label={`${props.label} ${axis === 0 ? 'x' : 'y'}`}
          onChange={(e) => {
            const next = e.currentTarget.valueAsNumber;
            if (!Number.isFinite(next)) return;
            props.onChange(axis === 0 ? [next, props.value[1]] : [props.value[0], next]);
          }}
        />
      </label>
    );
  };
  return (
    <span class="shape-coordinates">
      {box(0)}
      {box(1)}
    </span>
  );
}
