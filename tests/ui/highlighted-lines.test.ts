import { describe, expect, it } from 'vitest';
import { highlightedLines } from '../../src/ui/editor/highlighted-lines.ts';
import { highlightCode } from '../../src/ui/markdown/highlight.ts';

describe('highlightedLines', () => {
  it('gives one piece per source line, with the same text', () => {
    const source = 'const a = 1\n\nconst b = a < 2 && "x"';
    const lines = highlightedLines(highlightCode(source));
    expect(lines).toHaveLength(3);
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#60;/g, '<').replace(/&#34;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&#38;/g, '&');
    expect(lines.map(text)).toEqual(source.split('\n'));
  });

  it('closes a span at the end of a line and reopens it on the next (a template literal over two lines)', () => {
    const lines = highlightedLines('<span class="hljs-string">`one\ntwo`</span> + 1');
    expect(lines).toEqual(['<span class="hljs-string">`one</span>', '<span class="hljs-string">two`</span> + 1']);
  });

  it('keeps nested spans balanced on every line', () => {
    const lines = highlightedLines('<span class="a">x<span class="b">y\nz</span>w\nv</span>');
    expect(lines).toEqual(['<span class="a">x<span class="b">y</span></span>', '<span class="a"><span class="b">z</span>w</span>', '<span class="a">v</span>']);
  });
});
