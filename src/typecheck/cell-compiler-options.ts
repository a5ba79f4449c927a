/**
 * How cells are type-checked, shared by the editor (Monaco's TypeScript worker) and the type
 * checker that reports warnings under a run cell, so both flag the same lines.
 */

/** A cell runs in a worker: no DOM. */
export const CELL_LIBS = ['es2023', 'webworker'];

/** TypeScript diagnostics that do not apply to cells. */
export const IGNORED_DIAGNOSTICS = [
  1375, // 'await' at top level only in modules: cells allow top-level await
  1378, // top-level 'await' needs target ≥ es2017 / module: same
  1108, // a 'return' outside a function: a cell may end early
];

/**
 * The compiler options, as TypeScript's API takes them (enums as numbers). Cells are scripts, so
 * their top-level names are shared between cells, as in the kernel. Not strict: a learner's
 * experiment is not held to the library's standard, only to types that are plainly wrong.
 */
export const CELL_COMPILER_OPTIONS = {
  target: 99, // ESNext
  module: 99, // ESNext
  moduleResolution: 2, // Node10: finds the packages' declarations under file:///node_modules/
  lib: CELL_LIBS.map((name) => `lib.${name}.d.ts`),
  strict: false,
  noImplicitAny: false,
  allowNonTsExtensions: true,
  allowImportingTsExtensions: true,
  noEmit: true,
};
