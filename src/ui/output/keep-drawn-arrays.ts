import { sameData } from '../../plot/same-data.ts';

/**
 * The figure about to be drawn, with every array of plain values that equals the one in the same
 * place of the figure on screen replaced by that very array. Plotly.react tells a changed data
 * array from an unchanged one by identity, not by content, and every figure reaches the page as a
 * fresh copy (structured clone): without this, each redraw is a full recalculation and replot of
 * every trace (~45–70 ms for 1,600 markers here). With it, a move that changes only a title, a
 * trace's name, a shape or an annotation costs Plotly ~5 ms. A changed array anywhere in the data
 * is still a full replot: figures whose controls move one thing keep that thing in layout shapes.
 *
 * Only arrays of numbers, strings and nested such arrays are shared (never objects, which Plotly
 * may write into); objects and arrays of objects are copied with their equal arrays swapped in.
 */
export function keepDrawnArrays<T>(next: T, drawn: unknown): T {
  if (typeof next !== 'object' || next === null || typeof drawn !== 'object' || drawn === null) return next;
  if (ArrayBuffer.isView(next)) return (sameData(next, drawn) ? drawn : next) as T;
  if (Array.isArray(next)) {
    if (!Array.isArray(drawn)) return next;
    if (!next.some(holdsObjects)) return (sameData(next, drawn) ? drawn : next) as T;
    return next.map((item, i) => keepDrawnArrays(item, drawn[i])) as T;
  }
  if (Object.getPrototypeOf(next) !== Object.prototype || Array.isArray(drawn)) return next;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) copy[key] = keepDrawnArrays(value, (drawn as Record<string, unknown>)[key]);
  return copy as T;
}

function holdsObjects(item: unknown): boolean {
  if (Array.isArray(item)) return item.some(holdsObjects);
  return typeof item === 'object' && item !== null && !ArrayBuffer.isView(item);
}
