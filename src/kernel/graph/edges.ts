import type { CellAnalysis } from '../../analysis/index.ts';
import type { CellError } from '../types.ts';
import { Topology } from './topology.ts';

/** The notebook's dependency graph and the errors its shape causes. */
export interface CellGraph {
  topology: Topology;
  /** Run order: every cell after the cells it reads from. Cells in error are still listed. */
  order: string[];
  /** Which cell declares each name (only names declared exactly once). */
  definedBy: Map<string, string>;
  /** Errors of graph shape, by cell id: duplicate declarations, cycles, writes to others' names. */
  errors: Map<string, CellError>;
  /** For each cell, the names it reads that other cells declare (the rest are globals). */
  readsFromCells: Map<string, string[]>;
}

/**
 * Derives edges from analyses: cell A → cell B when B reads a name A declares. The rules:
 * a name declared by two cells is an error on both, and on the cells that read it; a cycle is
 * an error on each cell in it; a cell may not assign to another cell's name.
 */
export function buildGraph(cells: readonly CellAnalysis[], label: (id: string) => string = (id) => id): CellGraph {
  const declarers = new Map<string, string[]>();
  for (const cell of cells) {
    for (const name of cell.declares) {
      const list = declarers.get(name) ?? [];
      list.push(cell.id);
      declarers.set(name, list);
    }
  }

  const errors = new Map<string, CellError>();
  const definedBy = new Map<string, string>();
  for (const [name, ids] of declarers) {
    if (ids.length === 1) {
      definedBy.set(name, ids[0]);
      continue;
    }
    for (const id of ids) {
      const others = ids.filter((o) => o !== id).map(label).join(', ');
      addError(errors, id, {
        kind: 'duplicate',
        message: `\`${name}\` is also declared in ${others}. Each name can be declared by one cell only: rename one of them.`,
      });
    }
  }

  const topology = new Topology(cells.map((c) => c.id));
  const readsFromCells = new Map<string, string[]>();
  for (const cell of cells) {
    const fromCells: string[] = [];
    for (const name of cell.reads) {
      const from = definedBy.get(name);
      const several = declarers.get(name) ?? [];
      if (from === undefined && several.length > 1) {
        // Not "no cell declares it": say which cells do. Run after them, so fixing one re-runs this.
        for (const id of several) if (id !== cell.id) topology.addEdge(id, cell.id);
        addError(errors, cell.id, {
          kind: 'duplicate',
          message: `\`${name}\` is declared by ${several.length} cells (${listOf(several.map(label))}), so this cell cannot tell which one it reads: keep one and rename the others.`,
        });
        continue;
      }
      if (from === undefined || from === cell.id) continue;
      fromCells.push(name);
      topology.addEdge(from, cell.id);
    }
    readsFromCells.set(cell.id, fromCells);
    for (const name of cell.assigns) {
      const owner = definedBy.get(name);
      if (owner !== undefined && owner !== cell.id) {
        addError(errors, cell.id, {
          kind: 'duplicate',
          message: `This cell assigns to \`${name}\`, which ${label(owner)} declares. A cell can only change its own names: declare a new one here.`,
        });
      }
    }
  }

  for (const cycle of topology.cycles()) {
    const names = cycle.map(label).join(' → ');
    for (const id of cycle) {
      addError(errors, id, {
        kind: 'cycle',
        message: `These cells depend on each other in a circle (${names} → ${label(cycle[0])}), so none of them can run first. Move one of the shared names into its own cell.`,
      });
    }
  }

  const sorted = topology.topologicalOrder();
  const leftOut = cells.map((c) => c.id).filter((id) => !sorted.includes(id));
  return { topology, order: [...sorted, ...leftOut], definedBy, errors, readsFromCells };
}

/** "a", "a and b", "a, b and c". */
function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function addError(errors: Map<string, CellError>, id: string, error: CellError): void {
  if (!errors.has(id)) errors.set(id, error);
}
