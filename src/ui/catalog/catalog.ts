/** The site's notebooks (from the build's catalog plugin). */
import { catalog } from 'virtual:stepwise-catalog';
import type { CatalogNotebook } from './catalog-entry.ts';

/** Every notebook of the site. */
export const siteNotebooks: CatalogNotebook[] = catalog;

/** The notebook with this slug, if the site has it. */
export function findNotebook(slug: string): CatalogNotebook | undefined {
  return catalog.find((entry) => entry.slug === slug);
}
