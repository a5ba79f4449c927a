/**
 * What the browser keeps for a notebook, one record per key:
 * - `repo:<slug>`: the learner's edited copy of a notebook of the site;
 * - `local:<id>`: a notebook opened from a file or a share link (there is no original to reset to).
 */
export interface SavedNotebook {
  key: string;
  /** The notebook's Markdown, in the file format. */
  text: string;
  /** For edited copies: contentHash of the original when the copy was made. */
  originalHash?: string;
  /** For local notebooks: the text as first opened, which "Reset notebook" returns to. */
  originalText?: string;
  /** Where a local notebook came from. */
  origin: 'repo' | 'file' | 'link';
  /** The title at the last save, for lists. */
  title: string;
  /** Date.now() of the last save. */
  savedAt: number;
}

/** The storage key of a site notebook's edited copy. */
export const repoKey = (slug: string): string => `repo:${slug}`;
/** The storage key of a notebook opened from a file or a link. */
export const localKey = (id: string): string => `local:${id}`;
