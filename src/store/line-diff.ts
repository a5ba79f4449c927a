/**
 * A line diff (Myers' O(ND) algorithm) and its application: what a share link of an edited site
 * notebook carries instead of the whole text.
 */

/** Replace `remove` lines of the original from line `at` (0-based) with the `insert` lines. */
export interface Hunk {
  at: number;
  remove: number;
  insert: string[];
}

/**
 * The hunks that turn lines `a` into lines `b`, in order; undefined when more than `maxEdits`
 * lines are removed or inserted in all (then the whole text is the shorter thing to send).
 */
export function diffLines(a: string[], b: string[], maxEdits: number): Hunk[] | undefined {
  // Common head and tail first: most edits touch a few lines in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail), maxEdits);
  if (ops === undefined) return undefined;

  const hunks: Hunk[] = [];
  let x = head;
  let y = head;
  let open: Hunk | undefined;
  for (const op of ops) {
    if (op === '=') {
      open = undefined;
      x++;
      y++;
      continue;
    }
    if (open === undefined) {
      open = { at: x, remove: 0, insert: [] };
      hunks.push(open);
    }
    if (op === '-') {
      open.remove++;
      x++;
    } else {
      open.insert.push(b[y]);
      y++;
    }
  }
  return hunks;
}

/** The lines after the hunks are applied; throws RangeError when they do not fit the lines. */
export function applyHunks(lines: string[], hunks: Hunk[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const hunk of hunks) {
    if (!Number.isInteger(hunk.at) || !Number.isInteger(hunk.remove) || hunk.at < from || hunk.remove < 0 || hunk.at + hunk.remove > lines.length) {
      throw new RangeError(`a change at line ${hunk.at + 1} does not fit a text of ${lines.length} lines`);
    }
    out.push(...lines.slice(from, hunk.at), ...hunk.insert);
    from = hunk.at + hunk.remove;
  }
  out.push(...lines.slice(from));
  return out;
}

type Op = '=' | '-' | '+';

/** The shortest edit script from `a` to `b` ('=' keep, '-' remove from a, '+' insert from b). */
function myers(a: string[], b: string[], maxEdits: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  // v[offset + k]: the furthest x reached on diagonal k (y = x - k).
  const v = new Int32Array(2 * offset + 1);
  // trace[d]: v for diagonals -d-1 … d+1 before round d, to walk the path back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, maxEdits); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const at = (k: number) => trace[d][k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('=');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === previousX ? '+' : '-');
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}
