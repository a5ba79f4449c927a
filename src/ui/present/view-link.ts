/**
 * A view of a notebook carried in its address after `?` (route.ts): present mode at a slide, as
 * the audience or the presenter, with control values. "Share this view" and the presenter window
 * are made of it: `#/k-means?slide=3&controls=%7B%22k%22%3A4%7D`.
 */
import type { ControlValue } from '../../kernel/types.ts';

export interface NotebookViewState {
  /** Present mode at this slide (0-based). */
  slide?: number;
  /** The presenter's window (present mode with notes, next slide and time). */
  presenter?: boolean;
  /** Control values by name, as kept-controls keeps them. */
  controls?: Record<string, ControlValue>;
}

export function viewQuery(view: NotebookViewState): string {
  const query = new URLSearchParams();
  if (view.slide !== undefined) query.set('slide', String(view.slide + 1));
  if (view.presenter) query.set('presenter', '1');
  if (view.controls && Object.keys(view.controls).length > 0) query.set('controls', JSON.stringify(view.controls));
  return query.toString();
}

/** The view a query asks for; what is malformed is left out (a cut-off link still opens the notebook). */
export function parseViewQuery(text: string | undefined): NotebookViewState {
  if (!text) return {};
  const query = new URLSearchParams(text);
  const view: NotebookViewState = {};
  const slide = Number(query.get('slide'));
  if (Number.isInteger(slide) && slide >= 1) view.slide = slide - 1;
  if (query.get('presenter') === '1') view.presenter = true;
  const controls = parseControls(query.get('controls'));
  if (controls) view.controls = controls;
  return view;
}

function parseControls(json: string | null): Record<string, ControlValue> | undefined {
  if (json === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const controls: Record<string, ControlValue> = {};
  for (const [name, given] of Object.entries(value)) if (isControlValue(given)) controls[name] = given;
  return controls;
}

function isControlValue(value: unknown): value is ControlValue {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (!Array.isArray(value)) return false;
  return value.every((item) => (typeof item === 'number' && Number.isFinite(item)) || (Array.isArray(item) && item.every((n) => typeof n === 'number' && Number.isFinite(n))));
}
