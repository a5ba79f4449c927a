/**
 * "Share this view": an address that opens this notebook at this slide with these control values
 * and edits. A notebook of the site without edits is linked as itself (`#/<slug>?…`), so it runs
 * on open like any notebook of the site; anything else travels as a share link (share-link.ts),
 * whose code shows and runs only when the learner asks, as for every share link.
 */
import { readSettings, shareUrl } from '../../store/index.ts';
import { routeHash } from '../app/route.ts';
import type { LoadedNotebook } from '../notebook/load-notebook.ts';
import { viewQuery } from './view-link.ts';

export async function shareViewUrl(text: string, loaded: LoadedNotebook, slide: number, location: { origin: string; pathname: string }): Promise<string> {
  const query = viewQuery({ slide, controls: readSettings(loaded.key).controls });
  const source = loaded.source;
  if (source.kind === 'site' && text === loaded.originalText) return `${location.origin}${location.pathname}${routeHash({ page: 'notebook', slug: source.slug, view: query })}`;
  const base = source.kind === 'site' ? { slug: source.slug, originalText: loaded.originalText } : undefined;
  const link = await shareUrl(text, location, base);
  return query === '' ? link : `${link}?${query}`;
}
