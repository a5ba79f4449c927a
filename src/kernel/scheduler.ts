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

/** The next cell to run: the first dirty one in topological order. */
export function nextCell(order: readonly string[], dirty: ReadonlySet<string>): string | undefined {
  return order.find((id) => dirty.has(id));
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
