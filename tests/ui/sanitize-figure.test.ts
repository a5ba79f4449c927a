import { describe, expect, it } from 'vitest';
import { sanitizeConfig, sanitizeLayout, sanitizeText, sanitizeTraces } from '../../src/ui/output/sanitize-figure.ts';
import { renderMarkdown } from '../../src/ui/markdown/render-markdown.ts';

describe('figure specs are kept to our origin and our window', () => {
  it('links lose target and popup; styles that load URLs are dropped; other markup stays', () => {
    expect(sanitizeText('<a href="https://x.org" target="_top">go</a>')).toBe('<a href="https://x.org">go</a>');
    expect(sanitizeText("<a popup='width=9' href='u'>p</a>")).toBe("<a href='u'>p</a>");
    expect(sanitizeText('<span style="background:url(http://x.org/leak)">a</span>')).toBe('<span>a</span>');
    expect(sanitizeText('<span style="color:red">a</span> <b>b</b>')).toBe('<span style="color:red">a</span> <b>b</b>');
    expect(sanitizeText('x < 3')).toBe('x < 3');
  });

  it('only data: images stay in the layout; text inside the layout is sanitised too', () => {
    const layout = sanitizeLayout({
      title: { text: '<a href="u" target="_top">t</a>' },
      images: [{ source: 'https://x.org/a.png' }, { source: 'data:image/png;base64,AAAA' }, { source: '//x.org/b.png' }],
    });
    expect(layout.images).toEqual([{ source: 'data:image/png;base64,AAAA' }]);
    expect(layout.title).toEqual({ text: '<a href="u">t</a>' });
  });

  it('map styles and layers that load from elsewhere become a plain background', () => {
    const layout = sanitizeLayout({ map: { style: 'https://x.org/style.json', layers: [{ source: 'https://x.org/t.json' }, { source: { type: 'FeatureCollection' } }] }, mapbox2: { style: 'carto-positron' } });
    expect(layout.map).toEqual({ style: 'white-bg', layers: [{ source: { type: 'FeatureCollection' } }] });
    expect(layout.mapbox2).toEqual({ style: 'white-bg' });
  });

  it('the topojson URL never points at a CDN', () => {
    expect(sanitizeConfig({ topojsonURL: 'https://cdn.example/', responsive: true })).toEqual({ topojsonURL: './topojson-not-bundled/', responsive: true });
  });

  it('traces keep their identity when nothing changes (numbers are not copied)', () => {
    const x = Float64Array.from([1, 2, 3]);
    const data = [{ x, y: [1, 2, 3], text: ['a', 'b', 'c'], type: 'scatter' }];
    expect(sanitizeTraces(data)).toBe(data);
    const hostile = [{ x, hovertext: ['ok', '<span style="background:url(http://x.org)">a</span>'] }];
    const clean = sanitizeTraces(hostile);
    expect(clean[0].hovertext).toEqual(['ok', '<span>a</span>']);
    expect(clean[0].x).toBe(x);
    expect(hostile[0].hovertext[1]).toContain('url(');
  });
});

describe('images in Markdown', () => {
  it('an image from another site is named with a link, not loaded', () => {
    const html = renderMarkdown('![a chart](https://x.org/c.png?who=me)');
    expect(html).not.toContain('<img');
    expect(html).toContain('Image “a chart” from x.org is not loaded here.');
    expect(html).toContain('href="https://x.org/c.png?who=me" target="_blank" rel="noopener noreferrer"');
    expect(renderMarkdown('![p](//x.org/p.png)')).not.toContain('<img');
  });

  it('data: and same-origin images are shown', () => {
    expect(renderMarkdown('![dot](data:image/png;base64,AAAA)')).toContain('<img src="data:image/png;base64,AAAA" alt="dot">');
    expect(renderMarkdown('![local](./assets/x.png)')).toContain('<img src="./assets/x.png" alt="local">');
  });
});
