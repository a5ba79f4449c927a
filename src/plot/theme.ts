/**
 * Figures are built theme-neutral; the page's figure component calls applyTheme with the
 * current theme just before drawing, so one figure reads in light and in dark mode.
 */
import type { Figure, Layout } from './figure.ts';
import { isPlainObject } from './layout.ts';
import { isThreeD } from './trace-kinds.ts';

/** The page's colour theme. */
export type Theme = 'light' | 'dark';

/** Text and line colours of each theme. */
export const THEME_COLORS: Record<Theme, { font: string; grid: string; line: string; zeroline: string }> = {
  light: { font: '#2b2b2b', grid: 'rgba(0,0,0,0.10)', line: 'rgba(0,0,0,0.35)', zeroline: 'rgba(0,0,0,0.25)' },
  dark: { font: '#d9d9d9', grid: 'rgba(255,255,255,0.12)', line: 'rgba(255,255,255,0.35)', zeroline: 'rgba(255,255,255,0.30)' },
};

const TRANSPARENT = 'rgba(0,0,0,0)';

/**
 * A copy of the figure with font, grid and axis-line colours for the theme; the input is not changed.
 * Plotly writes into the traces and layout it draws (ranges, defaults) but never into arrays of
 * numbers: those the copy shares (cloning a figure's points took ~6 ms of a slider move).
 * @example Plotly.react(element, applyTheme(figure, 'dark').data, applyTheme(figure, 'dark').layout)
 */
export function applyTheme(figure: Figure, theme: Theme): Figure {
  const colors = THEME_COLORS[theme];
  if (colors === undefined) throw new TypeError(`applyTheme: theme must be 'light' or 'dark', got ${JSON.stringify(theme)}`);
  const themed = copySharingNumbers(figure) as Figure;
  const layout: Layout = themed.layout;
  layout.font = { ...objectOr(layout.font), color: colors.font };
  layout.paper_bgcolor ??= TRANSPARENT;
  // A figure built with plot() may have cartesian traces but no axis entries; Plotly's default grid is near-white.
  if (themed.data.some((t) => !isThreeD(t))) {
    layout.plot_bgcolor ??= TRANSPARENT;
    layout.xaxis ??= {};
    layout.yaxis ??= {};
  }
  for (const key of Object.keys(layout)) {
    if (/^[xy]axis\d*$/.test(key)) layout[key] = themedAxis(layout[key], colors);
    if (/^scene\d*$/.test(key)) {
      const scene = objectOr(layout[key]);
      for (const axisKey of ['xaxis', 'yaxis', 'zaxis']) scene[axisKey] = themedAxis(scene[axisKey], colors);
      layout[key] = scene;
    }
  }
  return themed;
}

/** An axis with the theme's line colours; grid and zero-line colours only where those lines are drawn. */
function themedAxis(axis: unknown, colors: (typeof THEME_COLORS)[Theme]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...objectOr(axis), linecolor: colors.line, tickcolor: colors.line };
  if (out.showgrid !== false) out.gridcolor = colors.grid;
  if (out.zeroline !== false) out.zerolinecolor = colors.zeroline;
  return out;
}

/** A deep copy, except arrays of numbers (and of such arrays: a heatmap's z) and typed arrays, which are shared. */
function copySharingNumbers(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return allNumbers(value) ? value : value.map(copySharingNumbers);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copySharingNumbers(item);
  return copy;
}

function allNumbers(values: unknown[]): boolean {
  return values.every((item) => typeof item === 'number' || item === null || (Array.isArray(item) && allNumbers(item)));
}

function objectOr(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? { ...value } : {};
}
