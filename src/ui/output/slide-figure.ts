/**
 * A figure as drawn on a slide (present mode): the height the slide has room for, and its text
 * (ticks, legend, titles, annotations) scaled up so the back row of a room can read it.
 */
import type { Figure } from '../../plot/figure.ts';
import type { SlideFigure } from './notebook-context.ts';

/** Plotly's default font size (px), which the layout's own sizes scale from. */
const PLOTLY_FONT = 12;

export function onSlide(figure: Figure, slide: SlideFigure | undefined): Figure {
  if (slide === undefined) return figure;
  const layout = figure.layout as Record<string, unknown>;
  const font = objectOr(layout.font);
  const scaled = (size: unknown, fallback: number) => Math.round((typeof size === 'number' ? size : fallback) * slide.fontScale);
  const annotations = Array.isArray(layout.annotations)
    ? layout.annotations.map((note: unknown) => {
        const given = objectOr(note);
        return { ...given, font: { ...objectOr(given.font), size: scaled(objectOr(given.font).size, PLOTLY_FONT) } };
      })
    : undefined;
  // Larger tick labels and titles need larger margins (prepareFigure's defaults, scaled).
  const given = objectOr(layout.margin);
  const side = (key: string, fallback: number) => Math.round((typeof given[key] === 'number' ? (given[key] as number) : fallback) * slide.fontScale);
  const margin = { ...given, t: side('t', layout.title ? 48 : 24), r: side('r', 16), b: side('b', 48), l: side('l', 56) };
  return {
    ...figure,
    layout: {
      ...figure.layout,
      height: slide.height,
      font: { ...font, size: scaled(font.size, PLOTLY_FONT) },
      margin,
      ...(annotations && { annotations }),
    },
  };
}

function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
