/**
 * How the index lists notebooks: grouped by front-matter `group` (groups in the order of their
 * first notebook), ordered by `order` then title inside a group, and filtered by a search.
 */
import type { CatalogEntry } from './catalog-entry.ts';

export interface CatalogGroup<T extends CatalogEntry> {
  /** The group's name ('' for notebooks without one). */
  name: string;
  entries: T[];
}

/** The curriculum's sections, in teaching order (a notebook's `group`); `order` sorts within one. */
export const GROUP_ORDER = ['Foundations', 'Algorithms', 'Deep learning', 'NLP and language models', 'Production ML'];

const byOrderThenTitle = (a: CatalogEntry, b: CatalogEntry): number =>
  (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) || a.title.localeCompare(b.title);

/** Notebooks in reading order: groups by their smallest `order`, then `order`, then title. */
export function readingOrder<T extends CatalogEntry>(entries: T[]): T[] {
  return groupCatalog(entries).flatMap((group) => group.entries);
}

/**
 * Notebooks grouped for the index page. Ungrouped notebooks come first ("Start here"), then the
 * curriculum's sections in teaching order, then any other group by its smallest `order`.
 */
export function groupCatalog<T extends CatalogEntry>(entries: T[]): CatalogGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const name = entry.group ?? '';
    groups.set(name, [...(groups.get(name) ?? []), entry]);
  }
  const result = [...groups].map(([name, list]) => ({ name, entries: [...list].sort(byOrderThenTitle) }));
  const rank = (group: CatalogGroup<T>): [number, number] => {
    if (group.name === '') return [0, 0];
    const section = GROUP_ORDER.indexOf(group.name);
    return section >= 0 ? [1, section] : [2, group.entries[0].order ?? Number.POSITIVE_INFINITY];
  };
  return result.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || a.name.localeCompare(b.name);
  });
}

/**
 * The notebooks matching a search: every word of the query must appear in the title, the
 * summary, a tag or the group (case- and accent-insensitive, and ignoring hyphens, spaces and
 * punctuation inside a field, so "kmeans", "k-means" and "K means" all find "K-means").
 * An empty query matches all.
 */
export function filterCatalog<T extends CatalogEntry>(entries: T[], query: string): T[] {
  const words = query.split(/\s+/).map(compact).filter((word) => word !== '');
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const fields = [entry.title, entry.summary, ...entry.tags, entry.group ?? ''].map(compact);
    return words.every((word) => fields.some((field) => field.includes(word)));
  });
}

/**
 * The match Enter opens: the first notebook (in the order given) whose title alone holds every
 * word of the query, else the first one. "kmeans" opens K-means even though other notebooks
 * mention k-means in their summaries.
 */
export function bestMatch<T extends CatalogEntry>(matches: T[], query: string): T | undefined {
  const words = query.split(/\s+/).map(compact).filter((word) => word !== '');
  return matches.find((entry) => words.every((word) => compact(entry.title).includes(word))) ?? matches[0];
}

/** The notebooks before and after `slug` in reading order. */
export function neighboursOf<T extends CatalogEntry>(entries: T[], slug: string): { previous?: T; next?: T } {
  const ordered = readingOrder(entries);
  const at = ordered.findIndex((entry) => entry.slug === slug);
  if (at === -1) return {};
  return { previous: ordered[at - 1], next: ordered[at + 1] };
}

/** Lower case, without accents, and only letters and digits. */
function compact(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
