/**
 * The values a learner gave a notebook's controls, kept per notebook across reloads
 * (notebook-settings.ts) and handed to the kernel before the first run, so the figures come up
 * with them; forgotten on Reset. Keyed by the control's name, as the kernel names it, whatever
 * the control's kind.
 */
import { createSignal, type Accessor } from 'solid-js';
import { readSettings, updateSettings } from '../../store/index.ts';
import type { ControlValue, Output } from '../../kernel/types.ts';
import type { KernelStore } from './kernel-store.ts';

type ControlOutput = Extract<Output, { kind: 'control' }>;

export interface KeptControls {
  /** Some control is kept at a value the learner chose (so Reset has something to undo). */
  any: Accessor<boolean>;
  /** Keeps the value the learner gave a control. */
  keep(control: ControlOutput, value: ControlValue): void;
  /** Forgets every kept value: the controls start from their defaults on the next run. */
  reset(): void;
}

export function createKeptControls(notebookKey: string, kernel: KernelStore): KeptControls {
  const restored = readSettings(notebookKey).controls ?? {};
  kernel.restoreControls(restored);
  const [any, setAny] = createSignal(Object.keys(restored).length > 0);
  return {
    any,
    keep(control, value) {
      if (!isSetting(control)) return;
      updateSettings(notebookKey, (settings) => ({ ...settings, controls: { ...settings.controls, [control.name]: value } }));
      setAny(true);
    },
    reset() {
      updateSettings(notebookKey, (settings) => ({ ...settings, controls: undefined }));
      kernel.restoreControls({});
      setAny(false);
    },
  };
}

/**
 * Whether a control's value is a setting worth keeping. Not a button's (it counts clicks: kept,
 * it would replay them), nor an unnamed control's (`display(slider(…))` is called "input 1" in
 * each cell that shows one, so its name does not tell which one it is).
 */
export function isSetting(control: Pick<ControlOutput, 'name' | 'control'>): boolean {
  return control.control.type !== 'button' && !/^input \d+$/.test(control.name);
}
