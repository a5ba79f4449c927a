/**
 * The app's routes live in the URL hash, so the static site works from any host and sub-path:
 * `#/` index · `#/<slug>` a notebook of the site · `#/local/<id>` a notebook opened from a file
 * or link · `#/shared/<payload>` a share link (turned into a local notebook on arrival).
 */
export type Route =
  | { page: 'index' }
  | { page: 'notebook'; slug: string }
  | { page: 'local'; id: string }
  | { page: 'shared'; payload: string };

/** The route of a location hash ('#/k-means' → notebook k-means). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return { page: 'index' };
  if (path.startsWith('shared/')) return { page: 'shared', payload: path.slice('shared/'.length) };
  if (path.startsWith('local/')) return { page: 'local', id: decodeURIComponent(path.slice('local/'.length)) };
  return { page: 'notebook', slug: decodeURIComponent(path.replace(/\/+$/, '')) };
}

/** The hash of a route (inverse of parseRoute). */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'index':
      return '#/';
    case 'notebook':
      return `#/${encodeURIComponent(route.slug)}`;
    case 'local':
      return `#/local/${encodeURIComponent(route.id)}`;
    case 'shared':
      return `#/shared/${route.payload}`;
  }
}
