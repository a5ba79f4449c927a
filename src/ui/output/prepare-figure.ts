/**
 * What the page hands to Plotly for a figure: the theme's colours (applyTheme from src/plot),
 * WebGL for big scatter traces and fewer points for huge ones (src/plot/limit-points.ts), a path's
 * line apart from its few visible markers (hidden-markers.ts), a size that fits the cell, a mode bar with "download PNG",
 * nothing that reaches other hosts or windows (sanitize-figure.ts), and, given the width it is
 * drawn at, title and legend placed clear of the mode bar (fit-figure.ts).
 */
import type { Figure, Trace } from '../../plot/figure.ts';
import { applyTheme, type Theme } from '../../plot/theme.ts';
import { figureHeight } from './figure-height.ts';
import { fitToWidth } from './fit-figure.ts';
import { limitFigure } from '../../plot/limit-points.ts';
import { sanitizeConfig, sanitizeLayout, sanitizeTraces } from './sanitize-figure.ts';
import { handleShapes, type Handle } from './input-handles.ts';
import { withTickLabelsAllowed } from './tick-label-overflow.ts';
import { withoutHiddenMarkers } from './hidden-markers.ts';

/**
 * When a scatter trace is drawn with WebGL (scattergl, only in Plotly's full bundle) instead of
 * SVG. Markers are one SVG element each: above 2,000 points WebGL draws them several times
 * faster. A line is one SVG path: measured in Chromium here, SVG draws 5k points in ~0.1 s
 * where WebGL takes ~0.3 s, and 200k points in ~2 s where WebGL takes ~12 s (software GL); so
 * lines stay SVG (and in the small cartesian bundle) until far larger.
 */
export const WEBGL_POINTS = 2000;
export const WEBGL_LINE_POINTS = 50_000;

export interface PlotlyArguments {
  data: Trace[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
  /** The figure's inputs' handles: shapes from `offset` on in layout.shapes, one per handle. */
  handles?: { offset: number; handles: Handle[] };
}

export function prepareFigure(figure: Figure, theme: Theme, width?: number): PlotlyArguments {
  // Reduced before anything else walks the traces: theming copies them, sanitising visits every point.
  const themed = applyTheme(limitFigure(figure), theme);
  const data = sanitizeTraces(themed.data).flatMap(withoutHiddenMarkers).map((trace) => (trace.type === 'scatter' && drawnFasterWithWebGL(trace) ? { ...trace, type: 'scattergl' } : trace));
  const given: Record<string, unknown> = {
    margin: { t: themed.layout.title ? 48 : 24, r: 16, b: 48, l: 56 },
    ...sanitizeLayout(themed.layout),
    autosize: true,
    height: figureHeight(themed.layout),
  };
  delete given.width; // the figure takes the cell's width
  const layout = withTickLabelsAllowed(width === undefined ? given : fitToWidth(given, width, data), data);
  const config = sanitizeConfig({
    responsive: true,
    displaylogo: false,
    modeBarButtonsToRemove: ['lasso2d', 'select2d'],
    toImageButtonOptions: { format: 'png', filename: fileNameOf(figure), scale: 2 },
    ...themed.config,
  });
  if (!figure.inputs?.length) return { data, layout, config };
  // Inputs: their handles are shapes the learner drags (Plotly's shape editing); a drag on the
  // plot area would zoom instead of reaching them, so zooming is left to the mode bar's buttons.
  const own = Array.isArray(layout.shapes) ? (layout.shapes as Record<string, unknown>[]) : [];
  const { shapes, handles } = handleShapes(figure.inputs, data, layout);
  return {
    data,
    layout: { ...layout, shapes: [...own, ...shapes], dragmode: false },
    config: { ...config, edits: { ...(config.edits as object | undefined), shapePosition: true } },
    handles: { offset: own.length, handles },
  };
}

function drawnFasterWithWebGL(trace: Trace): boolean {
  const points = pointCount(trace);
  // Plotly's default mode: markers too below 20 points, lines only above.
  const mode = String(trace.mode ?? (points < 20 ? 'lines+markers' : 'lines'));
  return points > (mode.includes('markers') ? WEBGL_POINTS : WEBGL_LINE_POINTS);
}

function pointCount(trace: Trace): number {
  const x = trace.x as { length?: number } | undefined;
  const y = trace.y as { length?: number } | undefined;
  return Math.max(x?.length ?? 0, y?.length ?? 0);
}

function fileNameOf(figure: Figure): string {
  const title = typeof figure.layout.title === 'string' ? figure.layout.title : figure.layout.title?.text;
  const base = (title ?? 'figure').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return base === '' ? 'figure' : base;
}
