/**
 * Runs `work` just after the browser has painted the current frame: heavy chunks (the kernel,
 * Plotly, KaTeX) start loading then, so they never delay the first paint of the prose.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
