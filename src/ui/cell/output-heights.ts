/**
 * The height each cell's outputs had at the end of its last run, remembered per notebook (in
 * localStorage: small, and readable before the first paint). While a cell waits for its first
 * run after the page opens, its output area keeps that height, so prose and cells below do not
 * jump when the figure arrives.
 */
const PREFIX = 'stepwise:output-heights:';
const cache = new Map<string, Record<string, number>>();
let writeTimer: ReturnType<typeof setTimeout> | undefined;

function read(notebookKey: string): Record<string, number> {
  let heights = cache.get(notebookKey);
  if (!heights) {
    try {
      heights = JSON.parse(localStorage.getItem(PREFIX + notebookKey) ?? '{}') as Record<string, number>;
    } catch {
      heights = {}; // storage unavailable or the entry damaged: just no reservation
    }
    cache.set(notebookKey, heights);
  }
  return heights;
}

/** The remembered output height of a cell, in pixels (0 if unknown). */
export function rememberedHeight(notebookKey: string, cellId: string): number {
  return read(notebookKey)[cellId] ?? 0;
}

/** Remembers a cell's output height after a run; written to storage a moment later, in one go. */
export function rememberHeight(notebookKey: string, cellId: string, height: number): void {
  const heights = read(notebookKey);
  // Kept to a hundredth of a pixel: rounding each cell's height to whole pixels moved the prose
  // below a few cells by pixels.
  const kept = Math.round(height * 100) / 100;
  if (heights[cellId] === kept) return;
  heights[cellId] = kept;
  if (writeTimer !== undefined) clearTimeout(writeTimer);
  writeTimer = setTimeout(() => {
    try {
      localStorage.setItem(PREFIX + notebookKey, JSON.stringify(heights));
    } catch {
      // A full or disabled storage only costs the reservation.
    }
  }, 1000);
}
