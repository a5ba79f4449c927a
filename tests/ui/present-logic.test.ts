import { describe, expect, it } from 'vitest';
import { presentAction } from '../../src/ui/present/present-keys.ts';
import { fitSlide } from '../../src/ui/present/fit-slide.ts';
import { parseViewQuery, viewQuery } from '../../src/ui/present/view-link.ts';
import { parseRoute, routeHash } from '../../src/ui/app/route.ts';
import { onSlide } from '../../src/ui/output/slide-figure.ts';
import { plot } from '../../src/plot/figure.ts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });

describe('present mode keys', () => {
  it('move like a clicker and reveal.js', () => {
    expect(['ArrowRight', 'PageDown', ' ', 'n'].map((k) => presentAction(key(k)))).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp', 'p'].map((k) => presentAction(key(k)))).toEqual(['previous', 'previous', 'previous']);
    expect(presentAction(key(' ', { shiftKey: true }))).toBe('previous');
    expect(['Home', 'End', 'Escape', 'F', 'b', 'c', 'a', '[', ']', 'k', 's', 'q'].map((k) => presentAction(key(k)))).toEqual([
      'first', 'last', 'leave', 'fullscreen', 'black', 'code', 'reveal', 'step-back', 'step-on', 'play', 'presenter', 'share',
    ]);
  });
  it('leave typing alone, and a focused control its own keys (a clicker still turns the slide)', () => {
    expect(presentAction(key('ArrowRight'), 'all')).toBeUndefined();
    expect(presentAction(key('Escape'), 'all')).toBeUndefined();
    const slider = new Set(['ArrowRight', 'ArrowLeft', 'Home', 'End']);
    expect(presentAction(key('ArrowRight'), slider)).toBeUndefined();
    expect(presentAction(key('PageDown'), slider)).toBe('next');
    expect(presentAction(key('ArrowRight', { ctrlKey: true }))).toBeUndefined();
  });
});

describe('fitSlide', () => {
  it('gives figures the height the text leaves them, within bounds', () => {
    // 1000 px of room, 300 px of text and two figures drawn at 200: each gets (1000 - 300) / 2.
    expect(fitSlide({ boxHeight: 1000, contentHeight: 700, figureHeights: [200, 200], figureHeight: 200 })).toMatchObject({ figureHeight: 344, scale: 1 });
    // One figure: at most 72 % of the room.
    expect(fitSlide({ boxHeight: 1000, contentHeight: 300, figureHeights: [200], figureHeight: 200 })?.figureHeight).toBe(720);
  });
  it('scales a slide too full to fit, by height or by width', () => {
    const full = fitSlide({ boxHeight: 600, contentHeight: 1200, figureHeights: [], figureHeight: 300 });
    expect(full).toMatchObject({ scale: 0.5, byWidth: false });
    expect(fitSlide({ boxHeight: 600, contentHeight: 300, figureHeights: [], figureHeight: 300, widthRatio: 0.8 })).toMatchObject({ scale: 0.8, byWidth: true });
    expect(fitSlide({ boxHeight: 0, contentHeight: 300, figureHeights: [], figureHeight: 300 })).toBeUndefined();
  });
  it('scales chart text with the screen', () => {
    expect(fitSlide.fontScale(480)).toBe(1);
    expect(fitSlide.fontScale(1080)).toBe(1.8);
  });
});

describe('a figure on a slide', () => {
  it('takes the slide height and scaled text and margins; off a slide it is unchanged', () => {
    const figure = plot({ x: [1], y: [1] }, { title: 'T', annotations: [{ text: 'a', font: { size: 13 } }] });
    expect(onSlide(figure, undefined)).toBe(figure);
    const layout = onSlide(figure, { height: 400, fontScale: 1.5 }).layout as Record<string, unknown>;
    expect(layout.height).toBe(400);
    expect(layout.font).toEqual({ size: 18 });
    expect(layout.margin).toEqual({ t: 72, r: 24, b: 72, l: 84 });
    expect((layout.annotations as { font: { size: number } }[])[0].font.size).toBe(20);
  });
});

describe('view links', () => {
  it('carry the slide, the presenter flag and control values, and read back what is valid', () => {
    const query = viewQuery({ slide: 2, presenter: true, controls: { k: 4, mode: 'batch', start: [1, -2] } });
    expect(parseViewQuery(query)).toEqual({ slide: 2, presenter: true, controls: { k: 4, mode: 'batch', start: [1, -2] } });
    expect(parseViewQuery('slide=0&controls=%7Bbad')).toEqual({});
    expect(parseViewQuery('controls=' + encodeURIComponent('{"k":{"x":1},"n":3}'))).toEqual({ controls: { n: 3 } });
  });
  it('ride on notebook, local and shared routes', () => {
    expect(parseRoute('#/k-means?slide=3')).toEqual({ page: 'notebook', slug: 'k-means', view: 'slide=3' });
    expect(parseRoute('#/shared/d1.k-means.ab.xyz?slide=2')).toEqual({ page: 'shared', payload: 'd1.k-means.ab.xyz', view: 'slide=2' });
    expect(parseRoute('#/local/ab?')).toEqual({ page: 'local', id: 'ab' });
    expect(routeHash({ page: 'local', id: 'ab', view: 'slide=1' })).toBe('#/local/ab?slide=1');
  });
});
