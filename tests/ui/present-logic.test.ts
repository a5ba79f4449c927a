import { describe, expect, it } from 'vitest';
import { presentAction } from '../../src/ui/present/present-keys.ts';
import { fitSlide } from '../../src/ui/present/fit-slide.ts';
import { parseViewQuery, viewQuery } from '../../src/ui/present/view-link.ts';
import { parseRoute, routeHash } from '../../src/ui/app/route.ts';
import { onSlide } from '../../src/ui/output/slide-figure.ts';
import { slideOnScreen } from '../../src/ui/present/slide-controls.ts';
import { previewScale } from '../../src/ui/present/preview-scale.ts';
import { upstreamCells, type CellNames } from '../../src/ui/dock/upstream-cells.ts';
import type { Output } from '../../src/kernel/types.ts';
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

describe("a slide's Controls bar", () => {
  // A slider on one slide; a figure beside it; a stepper and a sentence computed from both on the next.
  const names: CellNames[] = [
    { id: 's', declares: ['n'], reads: [] },
    { id: 'f', declares: [], reads: ['n'] },
    { id: 'st', declares: ['frame'], reads: [] },
    { id: 't', declares: [], reads: ['n', 'frame'] },
  ];
  const slider: Output = { id: 'o1', kind: 'control', name: 'n', control: { type: 'slider', label: 'n', min: 1, max: 9, step: 1 }, value: 3 } as Output;
  const stepper: Output = { id: 'o2', kind: 'control', name: 'frame', control: { type: 'stepper', label: 'frame', count: 5, intervalMs: 200 }, value: 0 } as Output;
  const figure: Output = { id: 'o3', kind: 'figure', figure: plot({ x: [1], y: [1] }) };
  const text: Output = { id: 'o4', kind: 'text', text: 'n=3 frame=0' };
  /** What the bar offers, computed as ControlDock does: controls upstream of the results shown, less those on the slide. */
  const offered = (cells: { id: string; outputs: Output[]; controls: string[] }[]) => {
    const shown = slideOnScreen(cells);
    const controls = (id: string) => cells.find((cell) => cell.id === id)?.controls ?? (id === 's' ? ['n'] : id === 'st' ? ['frame'] : []);
    const upstream = new Set(shown.figureCells.flatMap((id) => upstreamCells(names, id)));
    return names.filter((cell) => upstream.has(cell.id)).flatMap((cell) => controls(cell.id).map((name) => `${cell.id}/${name}`)).filter((key) => !shown.controls.has(key));
  };
  it('offers the controls of a sentence computed from a slider on another slide, as it does a figure\'s', () => {
    expect(offered([{ id: 'st', outputs: [stepper], controls: ['frame'] }, { id: 't', outputs: [text], controls: [] }])).toEqual(['s/n']);
    expect(offered([{ id: 'st', outputs: [stepper], controls: ['frame'] }, { id: 'f', outputs: [figure], controls: [] }])).toEqual(['s/n']);
  });
  it('offers nothing already on the slide, nor for a cell that shows only its own controls', () => {
    expect(offered([{ id: 's', outputs: [slider], controls: ['n'] }, { id: 'f', outputs: [figure], controls: [] }])).toEqual([]);
    expect(offered([{ id: 'st', outputs: [stepper], controls: ['frame'] }])).toEqual([]);
    expect(slideOnScreen([{ id: 's', outputs: [slider], controls: ['n'] }])).toEqual({ figureCells: [], controls: new Set(['s/n']) });
  });
});

describe("the presenter's preview of the next slide", () => {
  it('is the live slide scaled to the width of its box, or to its height limit, never enlarged', () => {
    expect(previewScale({ width: 1400, height: 900 }, { width: 560, height: 1000 })).toBe(0.4);
    expect(previewScale({ width: 1400, height: 900 }, { width: 560, height: 180 })).toBe(0.2);
    expect(previewScale({ width: 400, height: 300 }, { width: 800, height: 800 })).toBe(1);
    expect(previewScale({ width: 0, height: 0 }, { width: 560, height: 400 })).toBe(0);
  });
});
