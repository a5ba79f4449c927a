/**
 * The "Outputs only" view of a notebook: all code hidden, its prose, outputs and controls shown.
 * A view setting, not an edit: kept per notebook across reloads (notebook-settings.ts), never in
 * the notebook's text, and it does not mark the notebook edited.
 */
import { createSignal, type Accessor } from 'solid-js';
import { readSettings, updateSettings } from '../../store/index.ts';

export interface CodeView {
  /** The code is hidden. */
  hidden: Accessor<boolean>;
  toggle(): void;
}

export function createCodeView(notebookKey: string): CodeView {
  const [hidden, setHidden] = createSignal(readSettings(notebookKey).codeHidden === true);
  return {
    hidden,
    toggle() {
      const next = !hidden();
      setHidden(next);
      updateSettings(notebookKey, (settings) => ({ ...settings, codeHidden: next || undefined }));
    },
  };
}
