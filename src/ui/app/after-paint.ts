/**
 * Runs `work` just after the browser has painted the current frame: heavy chunks (the kernel,
 * Plotly, KaTeX) start loading then, so they never delay the first paint of the prose.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** Resolves once the current frame is painted, or after `atMostMs` at the latest (a hidden tab paints no frames). */
export function painted(atMostMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, atMostMs);
    afterPaint(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
