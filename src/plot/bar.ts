/**
 * Bars for a value per category (feature importances, accuracy per model); several series side
 * by side.
 */
import { palette } from './colors.ts';
import { checkSameLength, describe, fail, toNumbers } from './errors.ts';
import { plot, type Figure, type Trace } from './figure.ts';
import { baseLayout, type ChartOptions } from './layout.ts';

/** Options of `bar`. */
export interface BarOptions extends ChartOptions {
  /** Horizontal bars (categories down the y axis), good for long names. @example { horizontal: true } */
  horizontal?: boolean;
  /** Bar colour of a single series. @example { color: palette[2] } */
  color?: string;
  /** Legend name of a single series. @example { name: 'importance' } */
  name?: string;
  /** Logarithmic value axis. @example { logValues: true } */
  logValues?: boolean;
}

/**
 * Bar chart: one value per category, or several named series grouped side by side.
 * @example bar(featureNames, model.featureImportances, { horizontal: true, title: 'Feature importance' })
 * @example bar(['kNN', 'tree', 'SVM'], { train: trainAcc, test: testAcc }, { yTitle: 'accuracy' })
 */
export function bar(categories: readonly (string | number)[], values: readonly number[] | Record<string, readonly number[]>, opts: BarOptions = {}): Figure {
  if (!Array.isArray(categories)) fail('bar', `categories must be an array of names, got ${describe(categories)}`);
  const names = categories.map(String);
  const series: [string | undefined, unknown][] = Array.isArray(values)
    ? [[opts.name, values]]
    : typeof values === 'object' && values !== null
      ? Object.entries(values)
      : fail('bar', `values must be numbers or an object of named series like { train: [...], test: [...] }, got ${describe(values)}`);
  if (series.length === 0) fail('bar', 'there are no series to draw; give at least one');
  const data = series.map(([name, ys], k): Trace => {
    const v = toNumbers(ys, 'bar', name === undefined ? 'values' : `values.${name}`);
    checkSameLength(v.length, names.length, 'bar', name === undefined ? 'values' : `values.${name}`, 'categories', 'category');
    const trace: Trace = opts.horizontal
      ? { type: 'bar', orientation: 'h', x: v, y: names }
      : { type: 'bar', x: names, y: v };
    trace.marker = { color: series.length === 1 && opts.color !== undefined ? opts.color : palette[k % palette.length] };
    if (name !== undefined) trace.name = name;
    return trace;
  });
  const valueAxis = { ...(opts.logValues ? { type: 'log' } : {}) };
  // Categories are strings on a category axis so "10" and "2" keep the given order.
  const categoryAxis = { type: 'category', ...(opts.horizontal ? { autorange: 'reversed' } : {}) };
  return plot(data, baseLayout(opts, data, {
    barmode: 'group',
    xaxis: opts.horizontal ? valueAxis : categoryAxis,
    yaxis: opts.horizontal ? categoryAxis : valueAxis,
  }));
}
