/**
 * The app's routes live in the URL hash, so the static site works from any host and sub-path:
 * `#/` index (`#/?q=<search>` with a search) · `#/<slug>` a notebook of the site ·
 * `#/local/<id>` a notebook opened from a file · `#/shared/<payload>` a share link (the payload
 * stays in the address, so the address bar can be copied as the link). A notebook, local or shared
 * route may end in `?<view>`: how to show it (present mode's slide, control values; view-link.ts).
 */
export type Route =
  | { page: 'index'; query?: string }
  | { page: 'notebook'; slug: string; view?: string }
  | { page: 'local'; id: string; view?: string }
  | { page: 'shared'; payload: string; view?: string }
  | { page: 'unknown'; hash: string };

/** The route of a location hash ('#/k-means' → notebook k-means); never throws. */
export function parseRoute(hash: string): Route {
  const whole = hash.replace(/^#\/?/, '');
  if (whole === '' || whole.startsWith('?')) return parsePath(hash, whole);
  const at = whole.indexOf('?');
  if (at < 0) return parsePath(hash, whole);
  const route = parsePath(hash, whole.slice(0, at));
  const view = whole.slice(at + 1);
  return (route.page === 'notebook' || route.page === 'local' || route.page === 'shared') && view !== '' ? { ...route, view } : route;
}

function parsePath(hash: string, path: string): Route {
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
      return `#/${encodeURIComponent(route.slug)}${viewPart(route.view)}`;
    case 'local':
      return `#/local/${encodeURIComponent(route.id)}${viewPart(route.view)}`;
    case 'shared':
      return `#/shared/${route.payload}${viewPart(route.view)}`;
    case 'unknown':
      return route.hash;
  }
}

const viewPart = (view: string | undefined) => (view ? `?${view}` : '');
