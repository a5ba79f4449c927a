import { describe, expect, it } from 'vitest';
import { bestMatch, filterCatalog, groupCatalog, neighboursOf, readingOrder } from '../../src/ui/catalog/order.ts';
import type { CatalogEntry } from '../../src/ui/catalog/catalog-entry.ts';

const entry = (slug: string, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({ slug, title: slug, summary: '', tags: [], ...extra });
const entries = [
  entry('pca', { group: 'Unsupervised', order: 21, title: 'PCA', tags: ['dimensionality'] }),
  entry('k-means', { group: 'Unsupervised', order: 20, title: 'k-means', summary: 'Clustering by centroids', tags: ['clustering'] }),
  entry('welcome', { order: 0, title: 'Welcome' }),
  entry('linear', { group: 'Supervised', order: 10, title: 'Linear regression', tags: ['regression'] }),
  entry('knn', { group: 'Supervised', title: 'Nearest neighbours' }),
];

describe('groupCatalog', () => {
  it('puts ungrouped notebooks first, then groups by their smallest order, each sorted by order then title', () => {
    const groups = groupCatalog(entries);
    expect(groups.map((g) => g.name)).toEqual(['', 'Supervised', 'Unsupervised']);
    expect(groups[1].entries.map((e) => e.slug)).toEqual(['linear', 'knn']);
    expect(groups[2].entries.map((e) => e.slug)).toEqual(['k-means', 'pca']);
  });

  it('lists the curriculum sections in teaching order whatever their notebooks\' order numbers', () => {
    const groups = groupCatalog([
      entry('attention', { group: 'Deep learning', order: 1 }),
      entry('k-means', { group: 'Algorithms', order: 8 }),
      entry('drift', { group: 'Production ML', order: 1 }),
      entry('gd', { group: 'Foundations', order: 2 }),
      entry('extra', { group: 'Extras', order: 0 }),
    ]);
    expect(groups.map((g) => g.name)).toEqual(['Foundations', 'Algorithms', 'Deep learning', 'Production ML', 'Extras']);
  });
});

describe('bestMatch', () => {
  it('prefers a notebook whose title holds every word over earlier ones that only mention it, else the first', () => {
    const matches = [
      entry('dbscan', { title: 'DBSCAN', summary: 'shapes k-means cannot find' }),
      entry('k-means', { title: 'K-means clustering' }),
    ];
    expect(bestMatch(matches, 'kmeans')?.slug).toBe('k-means');
    expect(bestMatch(matches, 'K means clustering')?.slug).toBe('k-means');
    expect(bestMatch(matches, 'shapes')?.slug).toBe('dbscan');
    expect(bestMatch([], 'kmeans')).toBeUndefined();
  });
});

describe('filterCatalog', () => {
  it('matches every word in title, summary or tags, ignoring case and accents', () => {
    expect(filterCatalog(entries, 'CLUSTER').map((e) => e.slug)).toEqual(['k-means']);
    expect(filterCatalog(entries, 'centroids clustering').map((e) => e.slug)).toEqual(['k-means']);
    expect(filterCatalog(entries, 'neighbóurs').map((e) => e.slug)).toEqual(['knn']);
    expect(filterCatalog(entries, '   ')).toHaveLength(entries.length);
    expect(filterCatalog(entries, 'nothing-like-this')).toEqual([]);
  });

  it('matches across hyphens and spaces: "kmeans", "k means", "K-Means" all find k-means', () => {
    for (const query of ['kmeans', 'k means', 'K-Means', 'k_means']) expect(filterCatalog(entries, query).map((e) => e.slug)).toContain('k-means');
    expect(filterCatalog(entries, 'linearregression').map((e) => e.slug)).toEqual(['linear']);
    expect(filterCatalog(entries, 'nearest-neighbours').map((e) => e.slug)).toEqual(['knn']);
  });

  it('matches tags, including tags written with hyphens', () => {
    const tagged = [entry('a', { title: 'A', tags: ['dimensionality-reduction'] }), entry('b', { title: 'B', tags: ['regression'] })];
    expect(filterCatalog(tagged, 'dimensionality reduction').map((e) => e.slug)).toEqual(['a']);
    expect(filterCatalog(tagged, 'dimensionalityreduction').map((e) => e.slug)).toEqual(['a']);
    expect(filterCatalog(tagged, 'regression').map((e) => e.slug)).toEqual(['b']);
  });
});

describe('neighboursOf', () => {
  it('gives the previous and next notebook in reading order', () => {
    expect(readingOrder(entries).map((e) => e.slug)).toEqual(['welcome', 'linear', 'knn', 'k-means', 'pca']);
    expect(neighboursOf(entries, 'knn')).toEqual({ previous: entries[3], next: entries[1] });
    expect(neighboursOf(entries, 'welcome').previous).toBeUndefined();
    expect(neighboursOf(entries, 'missing')).toEqual({});
  });
});
