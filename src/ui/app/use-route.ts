import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { parseRoute, type Route } from './route.ts';

/** The current route, following the location hash. */
export function useRoute(): Accessor<Route> {
  const [route, setRoute] = createSignal(parseRoute(location.hash));
  const onChange = () => setRoute(parseRoute(location.hash));
  window.addEventListener('hashchange', onChange);
  onCleanup(() => window.removeEventListener('hashchange', onChange));
  return route;
}
