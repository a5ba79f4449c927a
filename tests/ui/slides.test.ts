import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../src/notebook/index.ts';
import { slideOfHeading, slidesOf } from '../../src/ui/present/slides.ts';

const notebook = (body: string) => parseNotebook(`---\ntitle: T\n---\n${body}`, 't.md');
const shape = (body: string) =>
  slidesOf(notebook(body).blocks).map((slide) => ({
    title: slide.title,
    heading: slide.heading,
    pieces: slide.pieces.map((piece) => (piece.kind === 'prose' ? piece.text : `cell ${piece.blockId}`)),
    notes: slide.notes,
  }));

describe('slidesOf', () => {
  it('starts a slide at every ## and ### heading and at <!-- slide -->; cells stay with the prose above them', () => {
    const body = ['# Title', '', 'Intro.', '', '## One', '', 'Text one.', '', '```ts', 'const a = 1', '```', '', 'After.', '', '<!-- slide -->', '', 'Split off.', '', '### Two', '', 'Text two.', ''].join('\n');
    expect(shape(body)).toEqual([
      { title: '', heading: undefined, pieces: ['# Title\n\nIntro.'], notes: [] },
      { title: 'One', heading: 0, pieces: ['## One\n\nText one.', 'cell c0', 'After.'], notes: [] },
      { title: '', heading: undefined, pieces: ['Split off.'], notes: [] },
      { title: 'Two', heading: 1, pieces: ['### Two\n\nText two.'], notes: [] },
    ]);
  });

  it('takes speaker notes out of the slide (an answer inside them too), and ignores headings in fences and #### ones', () => {
    const body = ['## A', '', '```md', '## not a slide', '```', '', '#### Small', '', '::: notes', 'Say this.', '', '::: answer', 'x', ':::', 'And this.', ':::', '', 'Shown.', ''].join('\n');
    const [slide, ...rest] = shape(body);
    expect(rest).toEqual([]);
    expect(slide.pieces).toEqual(['## A\n\n```md\n## not a slide\n```\n\n#### Small\n\n\nShown.']);
    expect(slide.notes).toEqual(['Say this.\n\n::: answer\nx\n:::\nAnd this.']);
  });

  it('a notebook opening with a section has no empty first slide; slideOfHeading finds the slide of a heading', () => {
    const slides = slidesOf(notebook('## A\n\na\n\n## B\n\nb\n\n<!-- slide -->\n\nc\n').blocks);
    expect(slides.map((slide) => slide.title)).toEqual(['A', 'B', '']);
    expect(slideOfHeading(slides, 1)).toBe(1);
    expect(slideOfHeading(slides, undefined)).toBe(0);
  });
});
