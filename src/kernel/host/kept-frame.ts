/**
 * The sandbox frame a closed notebook's kernel left behind, for the next notebook's kernel.
 * Its cell worker is stopped; its spare worker is a runtime no cell has run in, booting or booted,
 * so the next notebook starts on a fresh runtime at once. Only one is kept: a reader moving on
 * pays for one runtime, not one per notebook visited. The frame relays and holds no cell state
 * (frame-document.ts), so handing it on leaks nothing between notebooks.
 */
let kept: HTMLIFrameElement | undefined;

export function keepFrame(frame: HTMLIFrameElement): void {
  if (kept !== frame) kept?.remove();
  kept = frame;
}

/** The kept frame, if it is still in the page (a frame moved or removed has lost its workers). */
export function takeKeptFrame(): HTMLIFrameElement | undefined {
  const frame = kept;
  kept = undefined;
  return frame?.isConnected ? frame : undefined;
}
