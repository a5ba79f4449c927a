/** One notebook the site serves, as the index page needs it (no notebook text). */
export interface CatalogEntry {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  group?: string;
  order?: number;
  /** Set when the file does not parse: the format error, with file and line. */
  error?: string;
}

/** A catalog entry with the loader of its Markdown text (a lazy chunk). */
export interface CatalogNotebook extends CatalogEntry {
  load(): Promise<string>;
}
