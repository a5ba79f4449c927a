import type { Topology } from './graph/topology.ts';

/**
 * Which cells a run request runs: the requested cells, everything downstream of them (their
 * values are now stale), and any upstream cell whose value the runtime does not hold yet
 * (never run, failed, or lost with a restarted worker).
 */
export function cellsToRun(topology: Topology, requested: Iterable<string>, holdsValue: ReadonlySet<string>): Set<string> {
  const ids = [...requested];
  const out = topology.descendants(ids);
  for (const id of topology.ancestors(ids)) if (!holdsValue.has(id)) out.add(id);
  return out;
}

/**
 * Whether a dirty cell runs when its turn comes, or keeps the value and outputs it has. Cells
 * downstream of a re-run are dirty because they might see new inputs; each runs only if it is
 * `due` (asked for itself: an edit, a control, Run; or a name it reads came back changed, see
 * `readersOfChanged`), or if the runtime does not hold its value (it never ran, failed, or
 * was lost with a restarted worker). Otherwise it would compute what it shows already: its
 * inputs are the values it last ran with, and every run starts from the same seed.
 */
export function shouldRun(id: string, due: ReadonlySet<string>, holdsValue: ReadonlySet<string>): boolean {
  return due.has(id) || !holdsValue.has(id);
}

/**
 * The dirty cells that read a name whose value changed in a cell's run (the names it declares
 * minus those the runtime found unchanged): these are due.
 */
export function readersOfChanged(
  declared: readonly string[],
  unchanged: readonly string[],
  dirty: ReadonlySet<string>,
  readsFromCells: ReadonlyMap<string, readonly string[]>,
): string[] {
  const changed = new Set(declared.filter((name) => !unchanged.includes(name)));
  if (changed.size === 0) return [];
  return [...dirty].filter((id) => (readsFromCells.get(id) ?? []).some((name) => changed.has(name)));
}

/**
 * The seed a cell's run starts from. Derived from the names it declares (FNV-1a), so it stays
 * the same while the learner edits a hyperparameter in the cell, and differs between cells so
 * two cells drawing random data do not draw the same numbers.
 */
export function seedFor(outputs: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const ch of outputs.join(',')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The dirty cells of a pass (`ordered`: topological) in two groups: first the cells the learner
 * has on screen and the dirty cells they read from, then the rest, each in topological order. A
 * figure is then redrawn as soon as its own inputs are computed, not after every cell above it in
 * the notebook (bias-variance's fan of fits waited for two learning-curve cells, because the
 * helper that draws it sits at the end, after them). `first` then `rest` is still a topological
 * order: the first group holds every dirty ancestor of its cells.
 */
export function onScreenFirst(topology: Topology, ordered: readonly string[], onScreen: ReadonlySet<string>): { first: string[]; rest: string[] } {
  const dirty = new Set(ordered);
  const needed = topology.ancestors([...onScreen].filter((id) => dirty.has(id)));
  return { first: ordered.filter((id) => needed.has(id)), rest: ordered.filter((id) => !needed.has(id)) };
}
