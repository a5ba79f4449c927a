import { describe, expect, it } from 'vitest';
import { colorFor, decisionBoundary, PlotInputError } from '../../src/plot/index.ts';
import { expectPlainFigure } from './plain-data.ts';

/** Class 2 above the line y = 1, else class 0 left of x = 0 and class 1 right of it. */
const threeRegions = {
  calls: 0,
  predict(X: number[][]) {
    this.calls++;
    return X.map(([x, y]) => (y > 1 ? 2 : x < 0 ? 0 : 1));
  },
};

/** P(class 1) = σ(2x): a logistic model with weight 2 on x. */
const logistic = {
  predict: (X: number[][]) => X.map(([x]) => (x > 0 ? 1 : 0)),
  predictProba: (X: number[][]) => X.map(([x]) => {
    const p = 1 / (1 + Math.exp(-2 * x));
    return [1 - p, p];
  }),
};

const X = [[-2, 0], [-1, 0.5], [1, 0], [2, 0.5], [0, 2], [1, 3]];
const y = [0, 0, 1, 1, 2, 2];

describe('decisionBoundary', () => {
  it('decisionBoundary covers the data with a 10% margin and asks the model once for the whole grid', () => {
    threeRegions.calls = 0;
    const fig = decisionBoundary(threeRegions, X, y, { resolution: 5 });
    expect(threeRegions.calls).toBe(1);
    const region = fig.data[0] as { x: number[]; y: number[]; z: number[][] };
    // x spans [-2, 2] (range 4) and y spans [0, 3] (range 3): margins 0.4 and 0.3.
    expect(region.x[0]).toBeCloseTo(-2.4, 12);
    expect(region.x[4]).toBeCloseTo(2.4, 12);
    expect(region.y[0]).toBeCloseTo(-0.3, 12);
    expect(region.y[4]).toBeCloseTo(3.3, 12);
    expect(fig.layout.xaxis).toMatchObject({ range: [-2.4, 2.4] });
  });

  it('decisionBoundary regions hold the predicted class of every grid point', () => {
    const fig = decisionBoundary(threeRegions, X, y, { resolution: 7 });
    const region = fig.data[0] as { type: string; x: number[]; y: number[]; z: number[][]; text: string[][] };
    expect(region.type).toBe('heatmap');
    expect(region.z).toHaveLength(7);
    region.y.forEach((yj, j) => region.x.forEach((xi, i) => {
      // Classes are [0, 1, 2], so a class's position is the class itself here.
      expect(region.z[j][i]).toBe(threeRegions.predict([[xi, yj]])[0]);
      expect(region.text[j][i]).toBe(`class ${region.z[j][i]}`);
    }));
    expect(region.z.flat()).toEqual(expect.arrayContaining([0, 1, 2]));
  });

  it('decisionBoundary colours regions with a staircase so class k has the colour of its points', () => {
    const fig = decisionBoundary(threeRegions, X, y, { resolution: 4, regionOpacity: 0.5 });
    const rgba = (hex: string) => `rgba(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},0.5)`;
    expect(fig.data[0]).toMatchObject({
      zmin: -0.5,
      zmax: 2.5,
      showscale: false,
      colorscale: [
        [0, rgba(colorFor(0))], [1 / 3, rgba(colorFor(0))],
        [1 / 3, rgba(colorFor(1))], [2 / 3, rgba(colorFor(1))],
        [2 / 3, rgba(colorFor(2))], [1, rgba(colorFor(2))],
      ],
    });
    const points = fig.data.slice(1);
    expect(points.map((t) => [t.name, t.x, t.y, (t.marker as { color: string }).color])).toEqual([
      ['class 0', [-2, -1], [0, 0.5], colorFor(0)],
      ['class 1', [1, 2], [0, 0.5], colorFor(1)],
      ['class 2', [0, 1], [2, 3], colorFor(2)],
    ]);
    expect(fig.layout.showlegend).toBe(true);
    expectPlainFigure(fig);
  });

  it('decisionBoundary maps non-consecutive labels to staircase positions', () => {
    const model = { predict: (P: number[][]) => P.map(([x]) => (x < 0 ? 3 : 7)) };
    const fig = decisionBoundary(model, [[-1, 0], [1, 1]], [3, 7], { resolution: 2, padding: 0, labelNames: { 3: 'three', 7: 'seven' } });
    expect(fig.data[0]).toMatchObject({ z: [[0, 1], [0, 1]], zmax: 1.5, text: [['three', 'seven'], ['three', 'seven']] });
    expect(fig.data.slice(1).map((t) => t.name)).toEqual(['three', 'seven']);
  });

  it('decisionBoundary with proba draws P(class 1) and the 0.5 contour', () => {
    const fig = decisionBoundary(logistic, [[-1, 0], [1, 1]], [0, 1], { resolution: 3, padding: 0, proba: true });
    const [heat, boundary] = fig.data as { type: string; x: number[]; z: number[][]; contours?: object }[];
    expect(heat).toMatchObject({ type: 'heatmap', zmin: 0, zmax: 1, colorbar: { title: { text: 'P(class 1)' } } });
    heat.z.forEach((row) => row.forEach((p, i) => expect(p).toBeCloseTo(1 / (1 + Math.exp(-2 * heat.x[i])), 15)));
    expect(boundary).toMatchObject({ type: 'contour', contours: { start: 0.5, end: 0.5, coloring: 'none' }, line: { color: expect.any(String) }, z: heat.z });
    expect(fig.data.slice(2).map((t) => t.name)).toEqual(['class 0', 'class 1']);
    // Legend and colour bar would overlap on the right, so the legend moves above the plot.
    expect(fig.layout).toMatchObject({ showlegend: true, legend: { orientation: 'h', yanchor: 'bottom' } });
    expectPlainFigure(fig);
  });

  it('decisionBoundary reports what the model or data lacks', () => {
    expect(() => decisionBoundary({} as never, X, y)).toThrow(new PlotInputError('decisionBoundary', 'model must have a predict(X) method (a fitted classifier), got an object'));
    expect(() => decisionBoundary(threeRegions, X, y, { proba: true })).toThrow('decisionBoundary: proba: true needs a model with predictProba(X)');
    expect(() => decisionBoundary({ ...logistic }, X, y, { proba: true })).toThrow('but y has 3 classes; use proba: false for class regions');
    expect(() => decisionBoundary(threeRegions, X, [0, 1])).toThrow('decisionBoundary: y has 2 values but there are 6 rows of X; give one per row of X');
    expect(() => decisionBoundary({ predict: () => [1, 2] }, X, y, { resolution: 3 })).toThrow('decisionBoundary: model.predict(grid) has 2 values but there are 9 grid points');
    expect(() => decisionBoundary({ predict: (P: number[][]) => P.map(() => NaN) }, X, y, { resolution: 2 })).toThrow('decisionBoundary: model.predict(grid)[0] is NaN');
    expect(() => decisionBoundary(threeRegions, [[1], [2]], [0, 1])).toThrow('decisionBoundary: X row 0 has 1 values, expected at least 2');
  });
});
