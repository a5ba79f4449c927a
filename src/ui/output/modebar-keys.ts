/**
 * Plotly's mode bar as one tab stop per figure instead of eight (hidden until hovered, they
 * were eight invisible stops on the way through a page): a toolbar whose current button alone
 * is in the tab order, arrows moving between its buttons (the ARIA toolbar pattern). Plotly
 * shows the bar while the focus is within the figure.
 */

/** Makes the figure's mode bar a toolbar with one tab stop; again after each draw (Plotly may rebuild it). */
export function modebarAsToolbar(figure: HTMLElement, label: string): void {
  const bar = figure.querySelector('.modebar');
  if (!bar) return;
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', `Chart tools for ${label}`);
  const buttons = buttonsOf(bar);
  const current = buttons.find((button) => button === document.activeElement) ?? buttons[0];
  for (const button of buttons) button.tabIndex = button === current ? 0 : -1;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/** Arrow keys, Home and End within a mode bar (handled on the figure: the buttons may be rebuilt). */
export function onModebarKey(event: KeyboardEvent): void {
  const move = MOVES[event.key];
  const button = (event.target as Element | null)?.closest<HTMLElement>('.modebar-btn');
  const bar = button?.closest('.modebar');
  if (!move || !button || !bar) return;
  const buttons = buttonsOf(bar);
  const next = buttons[move(buttons.indexOf(button), buttons.length)];
  event.preventDefault();
  for (const other of buttons) other.tabIndex = other === next ? 0 : -1;
  next.focus();
}

const buttonsOf = (bar: Element) => [...bar.querySelectorAll<HTMLElement>('.modebar-btn')];
