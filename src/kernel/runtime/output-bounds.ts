/**
 * Limits on what one cell can show, applied in the sandbox before an output is posted: a
 * runaway cell (a 200 MB string, a million log lines) then costs the kernel, not the page.
 */

/** Text, Markdown and each log line longer than this show their start and a count of the rest. */
export const TEXT_LIMIT = 100_000;
/** A string inside a value (an array, an object) is cut shorter, so the whole value fits in TEXT_LIMIT. */
export const NESTED_TEXT_LIMIT = 10_000;
/** A table cell's text is cut shorter: fifty rows of wide cells would otherwise still be huge. */
export const TABLE_CELL_LIMIT = 1_000;
/** A run of log lines keeps its last lines, at most this many and at most TEXT_LIMIT characters. */
export const LOG_LINE_LIMIT = 1_000;
/** Outputs one run may show (displays, log blocks, controls); later ones are counted, not shown. */
export const OUTPUT_LIMIT = 500;
/** A figure whose data is larger than this (roughly bytes) is refused. */
export const FIGURE_SIZE_LIMIT = 16_000_000;
/** Updates to shown outputs (log lines, display handles) are posted at most this often. */
export const FLUSH_INTERVAL_MS = 50;

export function truncateText(text: string, limit = TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}\n… ${text.length - limit} more characters not shown`;
}

/**
 * Roughly how large a value is once copied out of the sandbox: numbers count 8, strings their
 * length, typed arrays their bytes. Stops counting once past `stopAt`.
 */
export function approximateSize(value: unknown, stopAt = Infinity): number {
  let total = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= stopAt) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length;
    else if (typeof item === 'number' || typeof item === 'boolean') total += 8;
    else if (typeof item === 'object' && item !== null && !seen.has(item)) {
      seen.add(item);
      if (ArrayBuffer.isView(item)) total += item.byteLength;
      else if (Array.isArray(item)) for (const child of item) stack.push(child);
      else for (const [key, child] of Object.entries(item)) {
        total += key.length;
        stack.push(child);
      }
    }
  }
  return total;
}

export function formatMegabytes(size: number): string {
  return `${(size / 1_000_000).toFixed(1)} MB`;
}
