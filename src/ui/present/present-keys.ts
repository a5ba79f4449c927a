/**
 * Present mode's keys, like a clicker and reveal.js: → ↓ PageDown Space N next slide; ← ↑ PageUp
 * Shift+Space P previous; Home End; Esc back to the notebook; F full screen; B black screen;
 * C show or hide the code; A reveal the next answer or hint; [ ] step the slide's stepper, K play
 * or pause it; S the presenter view; Q share this view.
 */
export type PresentAction =
  | 'next' | 'previous' | 'first' | 'last' | 'leave' | 'fullscreen' | 'black' | 'code' | 'reveal'
  | 'step-back' | 'step-on' | 'play' | 'presenter' | 'share';

export const PRESENT_KEYS: { keys: string; action: string }[] = [
  { keys: '→ PageDown Space', action: 'Next slide' },
  { keys: '← PageUp Shift+Space', action: 'Previous slide' },
  { keys: 'Home End', action: 'First, last slide' },
  { keys: 'Esc', action: 'Back to the notebook, at this slide' },
  { keys: 'F', action: 'Full screen' },
  { keys: 'B', action: 'Black screen' },
  { keys: 'C', action: 'Show or hide the code' },
  { keys: 'A', action: 'Reveal the next answer or hint' },
  { keys: '[ ]', action: 'Stepper: step back, step on' },
  { keys: 'K', action: 'Stepper: play or pause' },
  { keys: 'S', action: 'Presenter view (second window)' },
  { keys: 'Q', action: 'Share this view (link and QR code)' },
];

const BY_KEY: Record<string, PresentAction> = {
  ArrowRight: 'next', ArrowDown: 'next', PageDown: 'next', ' ': 'next', n: 'next',
  ArrowLeft: 'previous', ArrowUp: 'previous', PageUp: 'previous', p: 'previous',
  Home: 'first', End: 'last', Escape: 'leave',
  f: 'fullscreen', b: 'black', c: 'code', a: 'reveal', '[': 'step-back', ']': 'step-on', k: 'play', s: 'presenter', q: 'share',
};

/** The keys a focused element uses itself: all of them (typing), some (a slider's arrows, a button's Space), or none. */
export type FocusKeys = 'all' | ReadonlySet<string>;

const NONE: ReadonlySet<string> = new Set();
const PRESS = new Set([' ', 'Enter']);
const MOVE = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** What a key does in present mode, given what the focused element uses; undefined: leave it to the page. */
export function presentAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, focus: FocusKeys = NONE): PresentAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  // Typing in code or a box: every key is the typist's (Esc leaves the editor first).
  if (focus === 'all' || focus.has(event.key)) return undefined;
  if (event.key === ' ' && event.shiftKey) return 'previous';
  return BY_KEY[event.key.length === 1 ? event.key.toLowerCase() : event.key];
}

/** The keys the focused element uses itself. A clicker's PageDown still turns the slide from a slider. */
export function focusKeys(target: EventTarget | null): FocusKeys {
  if (!(target instanceof Element)) return NONE;
  if (target.closest('.code, .monaco-editor, textarea, [contenteditable=""], [contenteditable="true"]')) return 'all';
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return new Set([...MOVE].filter((key) => !key.startsWith('Page')));
    return ['checkbox', 'radio', 'button'].includes(target.type) ? PRESS : 'all';
  }
  if (target instanceof HTMLSelectElement) return new Set([...MOVE, ...PRESS].filter((key) => !key.startsWith('Page')));
  if (target.matches('[role="figure"][tabindex]')) return MOVE; // arrow keys nudge a figure's input
  if (target.matches('button, summary, a[href], [role^="menuitem"]')) return PRESS;
  return NONE;
}
