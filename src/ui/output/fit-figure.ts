/**
 * A figure's layout fitted to the width it is drawn at, so that Plotly's mode bar (top right),
 * the title and the legend never cover each other: a title that would reach under the mode bar
 * gets a band of its own below it (wrapped into lines on a narrow figure), and on a narrow figure
 * the legend goes below the plot instead of taking half its width at the side. Plotly does not
 * measure text for us before drawing, so widths are estimated from character counts, generously.
 */
import type { Trace } from '../../plot/figure.ts';
import { isPlainObject } from '../../plot/layout.ts';

/** Below this width (px) a figure is narrow: legend below the plot, long titles wrapped. */
export const NARROW_FIGURE = 560;
/** Room the mode bar takes at the top right (px): up to 8 buttons of about 30 px. */
export const MODEBAR_WIDTH = 240;
/** Where a title in its own band starts (px): the mode bar ends about 30 px below the top. */
export const MODEBAR_HEIGHT = 38;
/** Plotly's title size with the default 12 px font (it is 1.4 times the layout's font). */
const TITLE_FONT = 16.8;
/** An average character of the UI font is about this fraction of its size wide (rounded up). */
const CHAR_WIDTH = 0.58;
/** A legend row's height, its font size and the room an entry's symbol and gap take (px). */
const LEGEND_ROW = 21;
const LEGEND_FONT = 12;
const LEGEND_SYMBOL = 50;
/** Height of a grid cell's title line at its 13 px font (px). */
const CELL_TITLE_BAND = 20;
/** The smallest font a chart's title above its cell is shrunk to (px). */
const MIN_CELL_TITLE_FONT = 9;

type Layout = Record<string, unknown>;

export function fitToWidth(layout: Layout, width: number, traces: readonly Trace[]): Layout {
  const fitted: Layout = { ...layout };
  const narrow = width < NARROW_FIGURE;
  // The legend lists the traces and the shapes given a legend entry (marks with a name, src/plot/marks.ts).
  const data = [...traces, ...legendShapes(layout)];
  if (narrow && legendShown(layout, data)) {
    // Relative to the container's bottom, Plotly grows the bottom margin to fit the legend, below
    // the x-axis title (in plot coordinates a legend under the plot would cover that title).
    fitted.legend = { ...objectOr(layout.legend), orientation: 'h', x: 0, xanchor: 'left', xref: 'container', y: 0, yanchor: 'bottom', yref: 'container' };
    // Unless the x axes claim their room too, Plotly makes room for the legend only and draws an
    // x-axis title over the tick labels.
    for (const key of xAxisKeys(layout)) fitted[key] = { ...objectOr(layout[key]), automargin: true };
    // The figure grows by the legend's rows, so that the plot keeps its height.
    if (typeof layout.height === 'number') fitted.height = layout.height + legendRows(data, width) * LEGEND_ROW + 8;
  }
  if (narrow && Array.isArray(layout.annotations)) fitted.annotations = layout.annotations.map((note) => fitCellTitle(note, layout, width));
  const title = titleOf(layout);
  if (title === undefined) {
    // Titles over the top row of a grid sit just above the plot, where the mode bar of a narrow
    // figure (it spans most of its width) would cover them: the plot starts below the bar.
    if (narrow && hasCellTitles(layout)) {
      const margin = objectOr(layout.margin);
      fitted.margin = { ...margin, t: Math.max(typeof margin.t === 'number' ? margin.t : 0, MODEBAR_HEIGHT + CELL_TITLE_BAND) };
    }
    return fitted;
  }
  const fontSize = typeof title.font?.size === 'number' ? title.font.size : TITLE_FONT;
  const charWidth = CHAR_WIDTH * fontSize;
  const lines = narrow ? wrapTitle(title.text, Math.max(12, Math.floor((width - 24) / charWidth))) : title.text.split('<br>');
  const widest = Math.max(...lines.map(visibleLength)) * charWidth;
  // A centred title clears the mode bar when its right half ends left of it.
  if (width / 2 + widest / 2 <= width - MODEBAR_WIDTH) return fitted;
  const lineHeight = fontSize * 1.3;
  // Plotly anchors a title of several lines by its first line's box: the lines above that are pad.
  const pad = MODEBAR_HEIGHT + Math.ceil((lines.length - 1) * lineHeight);
  fitted.title = { ...title.raw, text: lines.join('<br>'), yref: 'container', y: 1, yanchor: 'top', pad: { ...objectOr(title.raw.pad), t: pad } };
  const margin = objectOr(layout.margin);
  // A grid's cell titles stand in the band just above the plot: the title's lines go above them.
  const needed = MODEBAR_HEIGHT + Math.ceil(lines.length * lineHeight) + 10 + (hasCellTitles(layout) ? CELL_TITLE_BAND : 0);
  fitted.margin = { ...margin, t: Math.max(typeof margin.t === 'number' ? margin.t : 0, needed) };
  if (legendAbovePlot(fitted)) {
    // A legend over the plot would sit in the title's band; under the plot it covers nothing.
    fitted.legend = { ...objectOr(fitted.legend), x: 0, xanchor: 'left', xref: 'container', y: 0, yanchor: 'bottom', yref: 'container' };
  }
  return fitted;
}

/**
 * A chart's title above its cell of a grid (subplots: centred on the cell, anchored at its
 * bottom) in a smaller font when it is wider than the cell, so neighbours' titles do not run
 * into each other. Wrapping would push it up into the tick labels of the row above.
 */
function fitCellTitle(note: unknown, layout: Layout, width: number): unknown {
  if (!isCellTitle(note)) return note;
  const cell = cellWidth(layout, note.x);
  if (cell === undefined) return note;
  const margin = objectOr(layout.margin);
  const plotWidth = width - (typeof margin.l === 'number' ? margin.l : 80) - (typeof margin.r === 'number' ? margin.r : 80);
  const font = objectOr(note.font);
  const size = typeof font.size === 'number' ? font.size : 12;
  const fits = Math.floor((cell * plotWidth) / (visibleLength(note.text) * CHAR_WIDTH));
  return fits >= size ? note : { ...note, font: { ...font, size: Math.max(MIN_CELL_TITLE_FONT, fits) } };
}

/** A title above a grid cell, as subplots writes it: text without an arrow, anchored by its bottom at the cell's top, in paper coordinates. */
function isCellTitle(note: unknown): note is Layout & { text: string; x: number } {
  return isPlainObject(note) && typeof note.text === 'string' && note.showarrow === false && note.yanchor === 'bottom' && note.xref === 'paper' && typeof note.x === 'number';
}

/** Whether the layout has titles above grid cells. */
function hasCellTitles(layout: Layout): boolean {
  return Array.isArray(layout.annotations) && layout.annotations.some(isCellTitle);
}

/** The width (paper fraction) of the x axis or 3-D scene whose domain is centred at `x`. */
function cellWidth(layout: Layout, x: number): number | undefined {
  for (const [key, value] of Object.entries(layout)) {
    if (!/^(xaxis|scene)\d*$/.test(key) || !isPlainObject(value)) continue;
    const domain = key.startsWith('scene') ? objectOr(value.domain).x : value.domain;
    if (!Array.isArray(domain) || typeof domain[0] !== 'number' || typeof domain[1] !== 'number') continue;
    if (Math.abs((domain[0] + domain[1]) / 2 - x) < 0.005) return domain[1] - domain[0];
  }
  return undefined;
}

/** The layout's x axes (`xaxis`, `xaxis2`, …); `xaxis` when it sets none (Plotly draws that one). */
function xAxisKeys(layout: Layout): string[] {
  const keys = Object.keys(layout).filter((key) => /^xaxis\d*$/.test(key));
  return keys.length > 0 ? keys : ['xaxis'];
}

/** How many rows a horizontal legend of these traces takes at this width: entries packed left to right. */
export function legendRows(data: readonly Trace[], width: number): number {
  const entries = data.filter((trace) => trace.showlegend !== false).map((trace, index) => (typeof trace.name === 'string' && trace.name !== '' ? trace.name : `trace ${index}`));
  let rows = entries.length > 0 ? 1 : 0;
  let used = 0;
  for (const name of entries) {
    const entry = LEGEND_SYMBOL + visibleLength(name) * CHAR_WIDTH * LEGEND_FONT;
    if (used > 0 && used + entry > width) {
      rows += 1;
      used = 0;
    }
    used += entry;
  }
  return rows;
}

/** A title split into lines of at most `maxChars` at spaces (a longer word keeps its own line). */
export function wrapTitle(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const given of text.split('<br>')) {
    let line = '';
    for (const word of given.split(' ')) {
      if (line !== '' && visibleLength(`${line} ${word}`) > maxChars) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

/** Characters a reader sees: Plotly's title markup (<b>, <sub>, …) takes no room. */
function visibleLength(text: string): number {
  return text.replace(/<[^>]*>/g, '').length;
}

function titleOf(layout: Layout): { text: string; font?: { size?: unknown }; raw: Layout } | undefined {
  if (typeof layout.title === 'string') return layout.title === '' ? undefined : { text: layout.title, raw: { text: layout.title } };
  if (!isPlainObject(layout.title) || typeof layout.title.text !== 'string' || layout.title.text === '') return undefined;
  return { text: layout.title.text, font: objectOr(layout.title.font), raw: layout.title };
}

/** The layout's shapes that Plotly lists in the legend, as the entries they make. */
function legendShapes(layout: Layout): Trace[] {
  return Array.isArray(layout.shapes) ? layout.shapes.filter((shape) => isPlainObject(shape) && shape.showlegend === true).map((shape) => ({ name: (shape as Layout).name })) : [];
}

/** Whether Plotly will draw a legend: as set, else (its own rule) when more than one trace may be listed. */
function legendShown(layout: Layout, data: readonly Trace[]): boolean {
  return typeof layout.showlegend === 'boolean' ? layout.showlegend : data.filter((trace) => trace.showlegend !== false).length > 1;
}

function legendAbovePlot(layout: Layout): boolean {
  const legend = objectOr(layout.legend);
  return layout.showlegend === true && legend.yref !== 'container' && typeof legend.y === 'number' && legend.y > 1;
}

function objectOr(value: unknown): Layout {
  return isPlainObject(value) ? { ...value } : {};
}
