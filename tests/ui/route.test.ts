import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../src/ui/app/route.ts';

describe('parseRoute', () => {
  it('reads the index, a notebook, a local notebook and a share link from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'index' });
    expect(parseRoute('#/')).toEqual({ page: 'index' });
    expect(parseRoute('#/k-means')).toEqual({ page: 'notebook', slug: 'k-means' });
    expect(parseRoute('#/k-means/')).toEqual({ page: 'notebook', slug: 'k-means' });
    expect(parseRoute('#/local/ab12')).toEqual({ page: 'local', id: 'ab12' });
    expect(parseRoute('#/shared/v1.xyz_-')).toEqual({ page: 'shared', payload: 'v1.xyz_-' });
  });

  it('routeHash is its inverse', () => {
    const routes: Route[] = [{ page: 'index' }, { page: 'notebook', slug: 'naïve bayes' }, { page: 'local', id: 'x1' }, { page: 'shared', payload: 'v1.abc' }];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
