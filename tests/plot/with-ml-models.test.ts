import { describe, expect, it } from 'vitest';
import { KNeighborsClassifier } from '../../src/ml/neighbors/index.ts';
import { LogisticRegression } from '../../src/ml/linear/index.ts';
import { decisionBoundary } from '../../src/plot/index.ts';

// Tiny data whose 1-nearest-neighbour regions are easy to compute by hand.
const X = [[0, 0], [1, 0], [0, 1], [3, 3], [4, 3], [3, 4], [0, 4], [1, 4]];
const y = [0, 0, 0, 1, 1, 1, 2, 2];

/** The label of the nearest training point, or undefined on a tie between two labels (any answer is right there). */
function nearestLabel(point: number[]): number | undefined {
  const byDistance = X.map((row, i) => ({ d: (row[0] - point[0]) ** 2 + (row[1] - point[1]) ** 2, label: y[i] })).sort((a, b) => a.d - b.d);
  const rival = byDistance.find((c) => c.label !== byDistance[0].label)!;
  return rival.d - byDistance[0].d < 1e-9 ? undefined : byDistance[0].label;
}

describe('decisionBoundary with src/ml estimators', () => {
  it('decisionBoundary of a 1-NN classifier colours each grid point by its nearest training point', () => {
    const knn = new KNeighborsClassifier({ nNeighbors: 1 }).fit(X, y);
    const fig = decisionBoundary(knn, X, y, { resolution: 13 });
    const region = fig.data[0] as { x: number[]; y: number[]; z: number[][] };
    let checked = 0;
    region.y.forEach((yj, j) => region.x.forEach((xi, i) => {
      const expected = nearestLabel([xi, yj]);
      if (expected === undefined) return;
      expect(region.z[j][i]).toBe(expected);
      checked++;
    }));
    expect(checked).toBeGreaterThan(150);
  });

  it('decisionBoundary with proba shows LogisticRegression.predictProba at the grid points', () => {
    const Xb = X.slice(0, 6);
    const yb = y.slice(0, 6);
    const model = new LogisticRegression().fit(Xb, yb);
    const fig = decisionBoundary(model, Xb, yb, { resolution: 5, proba: true });
    const heat = fig.data[0] as { x: number[]; y: number[]; z: number[][] };
    const expected = model.predictProba(heat.y.flatMap((yj) => heat.x.map((xi) => [xi, yj])));
    heat.z.flat().forEach((p, k) => expect(p).toBeCloseTo(expected[k][1], 14));
  });
});
