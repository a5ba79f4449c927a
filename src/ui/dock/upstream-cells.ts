/**
 * Which cells a cell's outputs depend on: itself and every cell it reads a name from, directly or
 * through other cells. The page asks this to find the controls that drive a figure.
 */
export interface CellNames {
  id: string;
  /** Names the cell declares. */
  declares: readonly string[];
  /** Names the cell reads (its free names; those no cell declares are globals). */
  reads: readonly string[];
}

/** The ids of `cellId` and of every cell upstream of it, in notebook order. */
export function upstreamCells(cells: readonly CellNames[], cellId: string): string[] {
  const declaredBy = new Map<string, string>();
  for (const cell of cells) for (const name of cell.declares) if (!declaredBy.has(name)) declaredBy.set(name, cell.id);
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const found = new Set<string>();
  const visit = (id: string) => {
    if (found.has(id)) return;
    found.add(id);
    for (const name of byId.get(id)?.reads ?? []) {
      const source = declaredBy.get(name);
      if (source !== undefined) visit(source);
    }
  };
  visit(cellId);
  return cells.map((cell) => cell.id).filter((id) => found.has(id));
}
