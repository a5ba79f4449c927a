/**
 * Keyboard shortcuts of a notebook, listed in the toolbar's help. Ctrl/Cmd+. interrupts as it
 * cancels in macOS terminals; inside the editor it replaces Monaco's quick-fix binding.
 */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Shift+Enter', action: 'Run the cell and move to the next one' },
  { keys: 'Ctrl/⌘+Enter', action: 'Run the cell and stay' },
  { keys: 'Ctrl/⌘+.', action: 'Interrupt the running cell' },
  { keys: 'Tab', action: 'Move on; in code you have typed in or clicked, indent' },
  { keys: 'Esc', action: 'Leave the editor (Tab then moves on)' },
  { keys: 'Alt+Shift+H', action: 'Outputs only: hide all code, or show it again' },
  { keys: 'Alt+Shift+P', action: 'Present: the notebook as slides (Esc comes back)' },
];

/** What the cell shows while its editor has the focus, by what Tab does there (see CellEditor). */
export const EDITOR_HINTS = {
  'moves-focus': 'Tab moves on (it indents once you type) · Esc leaves the code',
  indents: 'Tab indents · Esc leaves the code',
} as const;

/** Ctrl+. or Cmd+. */
export function isInterruptShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key === '.';
}

/** Shift+Enter (without Ctrl/Cmd). */
export function isRunAndNextShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && event.shiftKey && !event.ctrlKey && !event.metaKey;
}

/** Ctrl+Enter or Cmd+Enter. */
export function isRunShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** Alt+Shift+H (by key position: on a Mac, Option changes the character typed). */
export function isOutputsOnlyShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyH';
}

/** Alt+Shift+P: present mode (by key position, as Alt+Shift+H). */
export function isPresentShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyP';
}
