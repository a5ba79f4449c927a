/** Types of the virtual modules made by the plugins in this folder. */
declare module 'virtual:stepwise-catalog' {
  import type { CatalogNotebook } from '../catalog/catalog-entry.ts';
  /** Every notebook of the site, in file order (see catalog-plugin.ts). */
  export const catalog: CatalogNotebook[];
}

declare module 'virtual:stepwise-cell-types' {
  /** Declaration files for Monaco by file URI, generated from the cell prelude (cell-types-plugin.ts). */
  const files: Record<string, string>;
  export default files;
}

declare module 'virtual:stepwise-cell-libs' {
  /** The TypeScript lib files cells are checked against (`lib.es2023.d.ts`, …), by file name. */
  const files: Record<string, string>;
  export default files;
}

declare module 'virtual:stepwise-plotly-url' {
  /** The addresses of Plotly's cartesian and full bundles as scripts (see plotly-url-plugin.ts). */
  const urls: { cartesian: string; full: string };
  export default urls;
}
