import { Show } from 'solid-js';
import { siteNotebooks } from '../catalog/catalog.ts';
import { neighboursOf } from '../catalog/order.ts';
import { routeHash } from '../app/route.ts';

/** Links to the previous and next notebook in reading order. */
export function Neighbours(props: { slug: string }) {
  const around = () => neighboursOf(siteNotebooks, props.slug);
  return (
    <nav class="neighbours" aria-label="More notebooks">
      <Show when={around().previous} fallback={<span />}>
        {(previous) => (
          <a class="neighbour previous" href={routeHash({ page: 'notebook', slug: previous().slug })} rel="prev">
            <small>Previous</small>← {previous().title}
          </a>
        )}
      </Show>
      <Show when={around().next} fallback={<span />}>
        {(next) => (
          <a class="neighbour next" href={routeHash({ page: 'notebook', slug: next().slug })} rel="next">
            <small>Next</small>
            {next().title} →
          </a>
        )}
      </Show>
    </nav>
  );
}
