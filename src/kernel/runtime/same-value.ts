/**
 * Whether a name a cell declares came back from a re-run with the value it had, so the cells that
 * read it need not run again (the scheduler skips a cell all of whose inputs are unchanged).
 *
 * `Object.is` first: the same primitive, or the very object the cell held before (a value taken
 * from a cache keyed by the cell's inputs). An object changed in place behind its cell's back is
 * outside what the graph can see anyway, as a cell mutating another cell's value always was.
 *
 * Then, only where it is cheap and safe, the structure: arrays and plain objects nested at most
 * two deep (a point, a list of points, `{ x: [lo, hi], y: [lo, hi] }`, axis ticks) whose leaves
 * are primitives, up to MAX_LEAVES of them. Safe, because primitives have no identity or hidden state: a reader given
 * an equal copy computes what it computed from the old one. Cheap, because the walk is bounded
 * and stops at the first difference; anything else (class instances, typed arrays, big data,
 * functions) counts as changed, which only costs the re-run it always did.
 */
const MAX_LEAVES = 10_000;

export function sameValue(before: unknown, after: unknown): boolean {
  if (Object.is(before, after)) return true;
  const budget = { leaves: MAX_LEAVES };
  return sameShallowData(before, after, 2, budget);
}

function sameShallowData(before: unknown, after: unknown, depth: number, budget: { leaves: number }): boolean {
  if (Array.isArray(before) && Array.isArray(after)) {
    if (Object.getPrototypeOf(before) !== Array.prototype || Object.getPrototypeOf(after) !== Array.prototype) return false;
    if (before.length !== after.length) return false;
    for (let i = 0; i < before.length; i++) if (!sameLeaf(before[i], after[i], depth, budget)) return false;
    return true;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = Object.keys(before);
    if (keys.length !== Object.keys(after).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(after, key) || !isDataProperty(before, key) || !isDataProperty(after, key)) return false;
      if (!sameLeaf(before[key], after[key], depth, budget)) return false;
    }
    return true;
  }
  return false;
}

/** One element: a primitive compared with Object.is, or (depth permitting) an array or plain object of them. */
function sameLeaf(before: unknown, after: unknown, depth: number, budget: { leaves: number }): boolean {
  if (--budget.leaves < 0) return false;
  if (isPrimitive(before) || isPrimitive(after)) return Object.is(before, after);
  return depth > 1 && sameShallowData(before, after, depth - 1, budget);
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** A getter could compute something new on every read: only plain stored values compare. */
function isDataProperty(object: object, key: string): boolean {
  return 'value' in (Object.getOwnPropertyDescriptor(object, key) ?? {});
}
