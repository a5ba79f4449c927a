/**
 * What a classifier predicts everywhere in the plane: the grid covering the data is coloured
 * by predicted class (or by P(class 1) for a binary classifier), with the data on top.
 */
import { twoColorScale, withAlpha } from './colors.ts';
import { checkSameLength, describe, fail, toNumbers, toRows } from './errors.ts';
import { plot, type Figure, type Trace } from './figure.ts';
import { gridAxes } from './grid.ts';
import { baseLayout } from './layout.ts';
import { labelColors, labelName, pointTraces, uniqueLabels, type ScatterOptions } from './scatter.ts';

/** Any fitted classifier: what `decisionBoundary` needs of a model. */
export interface ClassifierLike {
  predict(X: number[][]): ArrayLike<number>;
  predictProba?(X: number[][]): ArrayLike<ArrayLike<number>>;
}

/** Options of `decisionBoundary`. */
export interface DecisionBoundaryOptions extends Omit<ScatterOptions, 'labels' | 'color'> {
  /** Grid points per axis (default 100: 10,000 predictions). @example { resolution: 50 } */
  resolution?: number;
  /** For a binary classifier, colour P(class 1) instead of the predicted class. @example { proba: true } */
  proba?: boolean;
  /** Margin around the data, as a fraction of its range on each axis (default 0.1). @example { padding: 0.2 } */
  padding?: number;
  /** Opacity of the class regions (default 0.35) so the points stay readable. @example { regionOpacity: 0.5 } */
  regionOpacity?: number;
}

/**
 * Class regions of a fitted classifier over the data's box (2 features), with the points coloured by y.
 * @example decisionBoundary(new KNeighborsClassifier({ nNeighbors: 5 }).fit(X, y), X, y, { xTitle: 'x₁', yTitle: 'x₂' })
 * @example decisionBoundary(logistic, X, y, { proba: true })
 */
export function decisionBoundary(model: ClassifierLike, X: readonly (readonly number[])[], y: readonly number[], opts: DecisionBoundaryOptions = {}): Figure {
  const where = 'decisionBoundary';
  if (typeof model?.predict !== 'function') fail(where, `model must have a predict(X) method (a fitted classifier), got ${describe(model)}`);
  const rows = toRows(X, where, 'X', 2);
  const labels = toNumbers(y, where, 'y');
  checkSameLength(labels.length, rows.length, where, 'y', 'rows of X', 'row of X');
  const box = paddedBox(rows, opts.padding ?? 0.1, where);
  const axes = gridAxes(box, opts.resolution ?? 100, where);
  // One batch of predictions for the whole grid, row by row: point (x[i], y[j]) is at j·nx + i.
  const gridPoints = axes.y.flatMap((yj) => axes.x.map((xi) => [xi, yj]));
  const region = opts.proba ? probabilityTrace(model, gridPoints, axes, labels, opts) : classTrace(model, gridPoints, axes, labels, opts);
  const points = pointTraces(rows.map((r) => r[0]), rows.map((r) => r[1]), { opacity: 1, ...opts, labels }, where);
  const data = [...region, ...points];
  return plot(data, baseLayout(opts, data, {
    xaxis: { range: [box.x[0], box.x[1]] },
    yaxis: { range: [box.y[0], box.y[1]] },
  }));
}

/** The data's bounding box grown by `padding` × its size on each side (a flat side grows by 1). */
function paddedBox(rows: number[][], padding: number, where: string): { x: [number, number]; y: [number, number] } {
  if (!(padding >= 0)) fail(where, `padding must be a number ≥ 0 (a fraction of the data's range), got ${describe(padding)}`);
  const side = (column: number): [number, number] => {
    let low = Infinity;
    let high = -Infinity;
    for (const r of rows) {
      low = Math.min(low, r[column]);
      high = Math.max(high, r[column]);
    }
    const margin = high > low ? padding * (high - low) : 1;
    return [low - margin, high + margin];
  };
  return { x: side(0), y: side(1) };
}

/**
 * Predicted class as a heatmap. z holds the class's position k in the sorted classes and the
 * colourscale is a staircase that maps k to that class's colour ([k/K, (k+1)/K] → colour k,
 * with zmin = -0.5, zmax = K - 0.5), so regions match the points' colours exactly.
 */
function classTrace(model: ClassifierLike, gridPoints: number[][], axes: { x: number[]; y: number[] }, y: number[], opts: DecisionBoundaryOptions): Trace[] {
  const predicted = checkedOutput(Array.from(model.predict(gridPoints)), gridPoints.length, 'predict');
  const classes = uniqueLabels([...y, ...predicted]) as number[];
  const colors = labelColors(classes);
  const position = new Map(classes.map((c, k) => [c, k]));
  const K = classes.length;
  const alpha = opts.regionOpacity ?? 0.35;
  const colorscale = classes.flatMap((_, k) => [[k / K, withAlpha(colors[k], alpha)], [(k + 1) / K, withAlpha(colors[k], alpha)]]);
  const nx = axes.x.length;
  const z = axes.y.map((_, j) => axes.x.map((_, i) => position.get(predicted[j * nx + i])!));
  return [{
    type: 'heatmap',
    x: axes.x,
    y: axes.y,
    z,
    zmin: -0.5,
    zmax: K - 0.5,
    colorscale,
    showscale: false,
    text: z.map((row) => row.map((k) => labelName(classes[k], opts.labelNames))),
    hovertemplate: 'predicted: %{text}<extra></extra>',
    name: 'predicted class',
    showlegend: false,
  }];
}

/** P(class 1) of a binary classifier as a heatmap, plus the 0.5 level as the boundary line. */
function probabilityTrace(model: ClassifierLike, gridPoints: number[][], axes: { x: number[]; y: number[] }, y: number[], opts: DecisionBoundaryOptions): Trace[] {
  const where = 'decisionBoundary';
  if (typeof model.predictProba !== 'function') fail(where, 'proba: true needs a model with predictProba(X); use proba: false to draw the predicted classes');
  const classes = uniqueLabels(y) as number[];
  if (classes.length > 2) fail(where, `proba: true draws P(class 1) of a binary classifier, but y has ${classes.length} classes; use proba: false for class regions`);
  const proba = Array.from(model.predictProba(gridPoints), (row) => Array.from(row));
  checkSameLength(proba.length, gridPoints.length, where, 'predictProba(grid)', 'grid points', 'grid point');
  const p1 = checkedOutput(proba.map((row) => row[row.length - 1]), gridPoints.length, 'predictProba');
  const nx = axes.x.length;
  const z = axes.y.map((_, j) => axes.x.map((_, i) => p1[j * nx + i]));
  const positive = classes[classes.length - 1] ?? 1;
  const title = `P(${labelName(positive, opts.labelNames)})`;
  const colors = labelColors(classes.length === 2 ? classes : [0, 1]);
  return [
    {
      type: 'heatmap',
      x: axes.x,
      y: axes.y,
      z,
      zmin: 0,
      zmax: 1,
      colorscale: twoColorScale(colors[0], colors[1]),
      opacity: opts.regionOpacity ?? 0.6,
      colorbar: { thickness: 12, title: { text: title } },
      hovertemplate: `${title} = %{z:.3f}<extra></extra>`,
      showlegend: false,
    },
    {
      type: 'contour',
      x: axes.x,
      y: axes.y,
      z,
      autocontour: false,
      // coloring 'none' draws the level in line.color; 'lines' would take it from a colourscale.
      contours: { start: 0.5, end: 0.5, size: 1, coloring: 'none' },
      line: { width: 2, color: 'rgba(128,128,128,0.9)' },
      hoverinfo: 'skip',
      name: 'P = 0.5',
      showlegend: false,
    },
  ];
}

/** A model's output for the grid, checked: one finite number per grid point. */
function checkedOutput(values: unknown[], expected: number, method: string): number[] {
  checkSameLength(values.length, expected, 'decisionBoundary', `model.${method}(grid)`, 'grid points', 'grid point');
  return toNumbers(values, 'decisionBoundary', `model.${method}(grid)`);
}
