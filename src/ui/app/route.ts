/**
 * The app's routes live in the URL hash, so the static site works from any host and sub-path:
 * `#/` index (`#/?q=<search>` with a search) · `#/<slug>` a notebook of the site ·
 * `#/local/<id>` a notebook opened from a file · `#/shared/<payload>` a share link (the payload
 * stays in the address, so the address bar can be copied as the link).
 */
export type Route =
  | { page: 'index'; query?: string }
  | { page: 'notebook'; slug: string }
  | { page: 'local'; id: string }
  | { page: 'shared'; payload: string }
  | { page: 'unknown'; hash: string };

/** The route of a location hash ('#/k-means' → notebook k-means); never throws. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return { page: 'index' };
  if (path.startsWith('?')) {
    const query = new URLSearchParams(path).get('q') ?? '';
    return query.trim() === '' ? { page: 'index' } : { page: 'index', query };
  }
  if (path.startsWith('shared/')) return { page: 'shared', payload: path.slice('shared/'.length) };
  // A malformed %-escape (typed, or cut off when copied) is an address the app does not know.
  const decoded = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return undefined;
    }
  };
  if (path.startsWith('local/')) {
    const id = decoded(path.slice('local/'.length));
    return id === undefined ? { page: 'unknown', hash } : { page: 'local', id };
  }
  const slug = decoded(path.replace(/\/+$/, ''));
  return slug === undefined ? { page: 'unknown', hash } : { page: 'notebook', slug };
}

/** The hash of a route (inverse of parseRoute). */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'index':
      return route.query ? `#/?${new URLSearchParams({ q: route.query })}` : '#/';
    case 'notebook':
      return `#/${encodeURIComponent(route.slug)}`;
    case 'local':
      return `#/local/${encodeURIComponent(route.id)}`;
    case 'shared':
      return `#/shared/${route.payload}`;
    case 'unknown':
      return route.hash;
  }
}
