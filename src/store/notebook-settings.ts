/**
 * What a learner set in a notebook that is not part of its text, kept per notebook (by its
 * storage key) in localStorage: the view (code hidden or shown) and the values of the controls
 * they moved. Not an edit: it does not mark the notebook edited, is not saved into its text nor
 * shared, and is read synchronously, so the first run already starts from the kept values.
 */
import type { ControlValue } from '../kernel/types.ts';
import { localStore } from './local-store.ts';

export interface NotebookSettings {
  /** Code hidden: the notebook shows its prose, outputs and controls only. */
  codeHidden?: boolean;
  /**
   * The value of each control the learner moved, by control name (the name the kernel gives it,
   * the cell's variable), whatever its kind: plain JSON, so new kinds of control are kept too.
   */
  controls?: Record<string, ControlValue>;
}

const PREFIX = 'stepwise-settings:';

/** The settings kept for notebook `key` (none, when there are none or they are damaged). */
export function readSettings(key: string, store = localStore()): NotebookSettings {
  try {
    const raw: unknown = JSON.parse(store?.getItem(PREFIX + key) ?? '{}');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const { codeHidden, controls } = raw as Record<string, unknown>;
    const settings: NotebookSettings = {};
    if (typeof codeHidden === 'boolean') settings.codeHidden = codeHidden;
    // Each value is checked by the control it goes to (a wrong kind falls back to the default).
    if (typeof controls === 'object' && controls !== null && !Array.isArray(controls)) settings.controls = controls as Record<string, ControlValue>;
    return settings;
  } catch {
    return {};
  }
}

/** Changes some settings of notebook `key`; false if they could not be kept (no storage, quota full). */
export function updateSettings(key: string, change: (settings: NotebookSettings) => NotebookSettings, store = localStore()): boolean {
  try {
    const next = change(readSettings(key, store));
    if (Object.values(next).every((value) => value === undefined)) store?.removeItem(PREFIX + key);
    else store?.setItem(PREFIX + key, JSON.stringify(next));
    return store !== undefined;
  } catch {
    return false;
  }
}

/** Forgets every setting of notebook `key` (the notebook was deleted). */
export function clearSettings(key: string, store = localStore()): void {
  try {
    store?.removeItem(PREFIX + key);
  } catch {
    // nothing to clear where storage is refused
  }
}
