/**
 * Distributions as bars over shared bins, several overlaid to compare (scores of two classes,
 * a feature before and after scaling).
 */
import { palette } from './colors.ts';
import { countInBins, equalWidthEdges, sturges } from './bins.ts';
import { describe, fail, toInterval, toNumbers } from './errors.ts';
import { plot, type Figure, type Trace } from './figure.ts';
import { baseLayout, type ChartOptions } from './layout.ts';

/** Options of `histogram`. */
export interface HistogramOptions extends ChartOptions {
  /** Number of equal-width bins, or the bin edges themselves (default: Sturges' rule). @example { bins: 30 } or { bins: [0, 0.5, 1, 2, 4] } */
  bins?: number | readonly number[];
  /** Range the equal-width bins cover (default: min to max of all values; unused when bins are edges); values outside are left out. @example { range: [0, 1] } */
  range?: readonly [number, number];
  /** Divide counts by n × bin width so the bars' area is 1, to compare with a density. @example { density: true } */
  density?: boolean;
  /** Bar colour of a single series. @example { color: palette[3] } */
  color?: string;
  /** Legend name of a single series. @example { name: 'residuals' } */
  name?: string;
  /** Bar opacity (default 0.9 for one series, 0.55 when several overlap). @example { opacity: 0.4 } */
  opacity?: number;
}

/**
 * Histogram of values, or of several named samples overlaid on the same bins.
 * @example histogram(residuals, { bins: 30, xTitle: 'residual' })
 * @example histogram({ 'class 0': scores0, 'class 1': scores1 }, { bins: 20, range: [0, 1], density: true })
 */
export function histogram(values: readonly number[] | Record<string, readonly number[]>, opts: HistogramOptions = {}): Figure {
  const samples: [string | undefined, number[]][] = Array.isArray(values)
    ? [[opts.name, toNumbers(values, 'histogram', 'values')]]
    : typeof values === 'object' && values !== null
      ? Object.entries(values).map(([name, v]) => [name, toNumbers(v, 'histogram', `values.${name}`)])
      : fail('histogram', `values must be numbers or an object of named samples like { before: [...], after: [...] }, got ${describe(values)}`);
  if (samples.length === 0) fail('histogram', 'there are no samples to draw; give at least one');
  const all = samples.flatMap(([, v]) => v);
  const range = opts.range === undefined ? undefined : toInterval(opts.range, 'histogram', 'range');
  const edges = Array.isArray(opts.bins)
    ? toNumbers(opts.bins, 'histogram', 'bins')
    : equalWidthEdges(all, (opts.bins as number | undefined) ?? sturges(all.length), range, 'histogram');
  if (edges.length < 2) fail('histogram', `bins as edges needs at least 2 edges, got ${edges.length}`);
  const centers = edges.slice(0, -1).map((e, i) => (e + edges[i + 1]) / 2);
  const widths = edges.slice(0, -1).map((e, i) => edges[i + 1] - e);
  const data = samples.map(([name, v], k): Trace => {
    const counts = countInBins(v, edges, 'histogram');
    // density: count / (n · width), so that Σ density·width = 1 (numpy's density=True).
    const y = opts.density ? counts.map((c, i) => (v.length === 0 ? 0 : c / (v.length * widths[i]))) : counts;
    const trace: Trace = {
      type: 'bar',
      x: centers,
      y,
      width: widths,
      customdata: centers.map((_, i) => [edges[i], edges[i + 1]]),
      hovertemplate: `[%{customdata[0]:.4g}, %{customdata[1]:.4g}): %{y}<extra>${name ?? ''}</extra>`,
      marker: {
        color: samples.length === 1 && opts.color !== undefined ? opts.color : palette[k % palette.length],
        opacity: opts.opacity ?? (samples.length > 1 ? 0.55 : 0.9),
        line: { width: 0.5, color: 'rgba(128,128,128,0.6)' },
      },
    };
    if (name !== undefined) trace.name = name;
    return trace;
  });
  return plot(data, baseLayout({ yTitle: opts.density ? 'density' : 'count', ...opts }, data, { barmode: 'overlay', bargap: 0 }));
}
