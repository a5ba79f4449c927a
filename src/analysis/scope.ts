import { analyze } from 'eslint-scope';
import type { Program } from 'acorn';

/** What a cell declares at top level and which names it reads or writes from outside. */
export interface CellScope {
  /** Top-level declarations (const, let, var, function, class), in source order. */
  declares: string[];
  /** Free names the cell reads: other cells' declarations or globals. */
  reads: string[];
  /** Free names the cell assigns to (an error when another cell declares them). */
  assigns: string[];
}

export function cellScope(program: Program): CellScope {
  // eslint-scope wants an ESTree Program; acorn's with `ranges: true` is one.
  const manager = analyze(program as never, { ecmaVersion: 2022, sourceType: 'module' });
  const moduleScope = manager.globalScope!.childScopes.find((s) => s.type === 'module')!;

  // Names bound by `import` are provided by the runtime: they are not the cell's declarations.
  const declares = moduleScope.variables.filter((variable) => !variable.defs.some((d) => d.type === 'ImportBinding')).map((variable) => variable.name);

  const free = new Set<string>();
  const assigned = new Set<string>();
  for (const ref of manager.globalScope!.through) {
    const name = ref.identifier.name;
    if (ref.isRead()) free.add(name);
    if (ref.isWrite()) assigned.add(name);
  }
  return { declares, reads: [...free], assigns: [...assigned] };
}
