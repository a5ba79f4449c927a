/**
 * Whether two values of plain data (what reaches the page from the sandbox by structured clone:
 * objects, arrays, typed arrays, primitives) are equal all the way down. A figure whose spec
 * equals the one on screen is not handed to Plotly again: a cell re-run by a control that moves
 * only another of its figures sends the unchanged ones too, and Plotly.react would recalculate
 * and redraw them in full (a changed data array is a full replot for it). Stops at the first
 * difference, so a changed figure costs little more than the walk up to it.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], other[i])) return false;
    return true;
  }
  if (ArrayBuffer.isView(a)) {
    const [x, y] = [bytes(a), bytes(b as ArrayBufferView)];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype) return false; // Map, Date, …: not in a figure
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function bytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
