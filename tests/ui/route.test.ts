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

  it('a malformed %-escape is an unknown page, not an error', () => {
    expect(parseRoute('#/%')).toEqual({ page: 'unknown', hash: '#/%' });
    expect(parseRoute('#/local/%zz')).toEqual({ page: 'unknown', hash: '#/local/%zz' });
    expect(parseRoute('#/k-means%E0%A4%A')).toEqual({ page: 'unknown', hash: '#/k-means%E0%A4%A' });
  });

  it('reads the index search from ?q=, an empty one being no search', () => {
    expect(parseRoute('#/?q=kmeans')).toEqual({ page: 'index', query: 'kmeans' });
    expect(parseRoute('#/?q=k+means')).toEqual({ page: 'index', query: 'k means' });
    expect(parseRoute('#/?q=na%C3%AFve%20bayes')).toEqual({ page: 'index', query: 'naïve bayes' });
    expect(parseRoute('#/?q=')).toEqual({ page: 'index' });
    expect(parseRoute('#/?q=%')).toEqual({ page: 'index', query: '%' });
  });

  it('routeHash is its inverse', () => {
    const routes: Route[] = [
      { page: 'index' },
      { page: 'index', query: 'k-means & more?' },
      { page: 'notebook', slug: 'naïve bayes' },
      { page: 'local', id: 'x1' },
      { page: 'shared', payload: 'v1.abc' },
      { page: 'unknown', hash: '#/%' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
