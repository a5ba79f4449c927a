import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { markdown, boldNumbers, figure, axisTitle, control, notebookRunner, checksTable } from './report-queries.ts';

const run = notebookRunner('pca');

/** Direction of an arrow trace in degrees, from its tail to its tip. */
function arrowAngle(trace: Trace): number {
  const x = trace.x as number[], y = trace.y as number[];
  return (Math.atan2(y[1] - y[0], x[1] - x[0]) * 180) / Math.PI;
}

/** Difference of two line directions in degrees, ignoring which way they point (0 … 90). */
function lineAngleGap(a: number, b: number): number {
  const d = Math.abs((((a - b) % 180) + 180) % 180);
  return Math.min(d, 180 - d);
}

describe('notebooks/pca.md', () => {
  it('the folded checks at the end: standardise, centre, covariance, power iteration and projection agree with StandardScaler, center, covarianceMatrix, eigenDecomposition and PCA', async () => {
    const checks = checksTable(await run());
    expect(checks.map((row) => row.library)).toEqual([
      'StandardScaler', 'center', 'covarianceMatrix', 'eigenDecomposition', 'eigenDecomposition', 'PCA().fit', 'PCA().fit',
      'PCA().fit', 'PCA().fit', 'PCA({ nComponents: 0.95 })', 'PCA({ nComponents: 2 }).transform',
    ]);
    checks.slice(0, 3).forEach((row) => expect(row.gap).toBeLessThan(1e-12));
    checks.slice(3, 7).forEach((row) => expect(row.gap).toBeLessThan(1e-9));
    expect(checks[7].gap).toBeLessThan(1e-9); // 8-D eigenvalues
    expect(checks[8].gap).toBeLessThan(1e-8); // 8-D components, up to sign
    expect(checks[10].gap).toBeLessThan(1e-8); // projection
  }, 60_000);

  it('draws PC1 and PC2 as orthogonal arrows with PC1 along the rotation angle of unstandardised data', async () => {
    const report = await run({ angle: 60, stretch: 4 });
    const fig = figure(report, 'Principal components');
    const arrows = fig.data.filter((t) => String(t.name).startsWith('PC'));
    expect(arrows.map((t) => String(t.name).slice(0, 4))).toEqual(['PC1:', 'PC2:']);
    expect((arrows[0].marker as { symbol: string }).symbol).toBe('arrow');
    const [pc1, pc2] = arrows.map(arrowAngle);
    expect(lineAngleGap(pc1, 60)).toBeLessThan(5);
    expect(lineAngleGap(pc1, pc2)).toBeCloseTo(90, 6);
    expect(axisTitle(fig, 'xaxis')).toBe('x₁');
    expect(axisTitle(fig, 'yaxis')).toBe('x₂');
  }, 60_000);

  it('standardising two features puts PC1 on a diagonal whatever the angle', async () => {
    for (const angle of [10, 75]) {
      const fig = figure(await run({ angle, stretch: 4, standardise2d: true }), 'Principal components');
      const pc1 = fig.data.find((t) => String(t.name).startsWith('PC1'))!;
      expect(lineAngleGap(arrowAngle(pc1), 45)).toBeLessThan(1e-6);
      expect(axisTitle(fig, 'xaxis')).toBe('x₁ (standardised)');
    }
  }, 60_000);

  it('standardised 2-D data (|v₁| = |v₂|, where the sign of the largest entry is decided by rounding) still agrees with the library: eigenvectors are compared up to sign', async () => {
    for (const angle of [0, 30, -45]) {
      const checks = checksTable(await run({ standardise2d: true, angle }));
      const vectors = checks.filter((row) => row.hand.endsWith('2-D') && row.compared.includes('up to sign'));
      expect(vectors).toHaveLength(2);
      vectors.forEach((row) => expect(row.gap).toBeLessThan(1e-9));
    }
  }, 120_000);

  it('the power-iteration stepper needs more steps when the two eigenvalues are close, and the chart follows the step', async () => {
    const atStep3 = await run({ stretch: 6, powerStep: 3 });
    const round = await run({ stretch: 1.2 });
    const steps = (r: RunReport) => (control(r, 'powerStep').control as { count: number }).count;
    expect(steps(round)).toBeGreaterThan(2 * steps(atStep3));
    // Every 2-D chart shares one frame: equal scales and fixed ranges, so the arrow keeps its
    // angle and nothing jumps while the stepper plays.
    type Frame = { x: { range: number[] }; y: { range: number[]; scaleanchor: string } };
    const frame = (fig: Figure) => ({ x: fig.layout.xaxis, y: fig.layout.yaxis }) as Frame;
    const power = frame(figure(atStep3, 'Power iteration, step 3'));
    const components = frame(figure(atStep3, 'Principal components'));
    expect(power.y.scaleanchor).toBe('x');
    expect(power.x.range).toHaveLength(2);
    expect(power.x.range).toEqual(components.x.range);
    expect(power.y.range).toEqual(components.y.range);
    const convergence = figure(atStep3, 'Convergence');
    const current = convergence.data.find((t) => t.name === 'current step')!;
    expect(current.x).toEqual([3]);
    // The axes stay put while playing: both ranges are fixed.
    expect((convergence.layout.xaxis as { range: number[] }).range).toEqual([-0.5, steps(atStep3) - 0.5]);
  }, 60_000);

  it('keeping only PC1 loses exactly the variance along PC2', async () => {
    const [lostVariance, lambda2] = boldNumbers(markdown(await run({ angle: 60, stretch: 4 }), 'Mean squared reconstruction error'));
    expect(lostVariance).toBeCloseTo(lambda2, 4);
  }, 60_000);

  it('the 95 % rule (more than 95 %, strictly): noise in large units satisfies it unstandardised; standardised it asks for one more component, as PCA({ nComponents: 0.95 }) does', async () => {
    const raw = await run();
    const standardised = await run({ standardiseNd: true, nComponents: 3 });
    const rule = (report: RunReport) => checksTable(report).find((row) => row.hand === 'the 95 % rule')!;
    expect(rule(raw).compared).toBe('components kept: 3 by hand, 3 in the library');
    expect(rule(standardised).compared).toBe('components kept: 4 by hand, 4 in the library');
    expect(rule(standardised).gap).toBe(0);
    // The rule is strict ("more than 95 %"), in the title as in the library and scikit-learn.
    const bars = figure(standardised, 'Explained variance: 4 components explain more than 95 %');
    expect(bars.data.map((t) => t.name)).toEqual(['each component', 'cumulative', '95 %']);
    const cumulative = bars.data[1].y as number[];
    expect(cumulative[3]).toBeGreaterThan(0.95);
    expect(cumulative[2]).toBeLessThan(0.95);
    expect(cumulative[7]).toBeCloseTo(1, 10);
  }, 60_000);

  it('reconstruction error falls to 0 as k reaches d and equals 1 − cumulative ratio at every k', async () => {
    const report = await run({ standardiseNd: true, nComponents: 3 });
    const fig = figure(report, 'Reconstruction error vs number of components');
    const measured = fig.data.find((t) => t.name === 'measured reconstruction error')!.y as number[];
    const fromRatios = fig.data.find((t) => t.name === '1 − cumulative ratio')!.y as number[];
    expect(measured).toHaveLength(8);
    measured.forEach((e, k) => expect(e).toBeCloseTo(fromRatios[k], 10));
    for (let k = 1; k < measured.length; k++) expect(measured[k]).toBeLessThanOrEqual(measured[k - 1] + 1e-12);
    expect(measured[7]).toBeLessThan(1e-12);
    const ring = (fig.layout.shapes as { name: string; xanchor: number; yanchor: number }[])[0];
    expect([ring.name, ring.xanchor, ring.yanchor]).toEqual(['your k = 3', 3, measured[2]]);
    const [lostPercent, oneMinusCumulative] = boldNumbers(markdown(report, 'reconstruction loses'));
    expect(lostPercent).toBeCloseTo(oneMinusCumulative, 2);
    expect(lostPercent).toBeGreaterThan(0);
    expect(checksTable(report).at(-1)!.library).toBe('PCA({ nComponents: 3 }).transform');
    expect(checksTable(report).at(-1)!.gap).toBeLessThan(1e-8);
    expect(figure(report, 'Point 60').data.map((t) => t.name)).toEqual(['original', 'from 3 components']);
  }, 60_000);

  it('the 2-D projection separates the generated classes only after standardising', async () => {
    // Between-class spread over total spread of the PC1/PC2 scores (a Fisher-style ratio).
    const separation = (fig: Figure): number => {
      const all = fig.data.flatMap((t) => (t.x as number[]).map((x, i) => [x, (t.y as number[])[i]]));
      const mean = (pts: number[][]) => [0, 1].map((j) => pts.reduce((s, p) => s + p[j], 0) / pts.length);
      const m = mean(all);
      const total = all.reduce((s, p) => s + (p[0] - m[0]) ** 2 + (p[1] - m[1]) ** 2, 0);
      const between = fig.data.reduce((s, t) => {
        const pts = (t.x as number[]).map((x, i) => [x, (t.y as number[])[i]]);
        const c = mean(pts);
        return s + pts.length * ((c[0] - m[0]) ** 2 + (c[1] - m[1]) ** 2);
      }, 0);
      return between / total;
    };
    const raw = figure(await run(), 'Projection onto PC1 and PC2');
    const standardised = figure(await run({ standardiseNd: true, nComponents: 3 }), 'Projection onto PC1 and PC2');
    expect(standardised.data.map((t) => t.name)).toEqual(['class A', 'class B', 'class C']);
    expect(separation(raw)).toBeLessThan(0.05);
    expect(separation(standardised)).toBeGreaterThan(0.6);
    expect(axisTitle(standardised, 'xaxis')).toMatch(/^PC1 score \(\d+\.\d %\)$/);
  }, 60_000);

  it('iris: the number-of-components slider stops at 4 and the projection is coloured by species', async () => {
    const report = await run({ dataset: 'iris (4 features)', nComponents: 8 });
    const slider = control(report, 'nComponents');
    expect(slider.value).toBe(4);
    expect((slider.control as { max: number }).max).toBe(4);
    const fig = figure(report, 'Projection onto PC1 and PC2');
    expect(fig.data.map((t) => t.name)).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(fig.data.map((t) => (t.x as number[]).length)).toEqual([50, 50, 50]);
    expect(figure(report, 'Covariance of the raw features').data[0].z).toHaveLength(4);
  }, 60_000);
  it('the candidate direction is an input on the centred cloud: along PC1 it keeps λ₁, across it λ₂, and kept + residual is the total variance', async () => {
    const report = await run();
    const cloud = figure(report, 'Your u at 0°');
    expect(cloud.inputs).toEqual([expect.objectContaining({ name: 'candidate', kind: 'direction', value: [1, 0] })]);
    const pc1 = arrowAngle(figure(report, 'Principal components').data.find((t) => String(t.name).startsWith('PC1'))!);
    const [lambda1, lambda2] = [pc1, pc1 + 90].map((degrees) => [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)]);
    const along = await run({ candidate: lambda1 });
    const across = await run({ candidate: lambda2 });
    const [keptAlong, residualAlong, maximum] = boldNumbers(markdown(along, 'Along your'));
    expect(keptAlong).toBeCloseTo(maximum, 3);
    const [keptAcross, residualAcross] = boldNumbers(markdown(across, 'Along your'));
    expect(residualAcross).toBeCloseTo(maximum, 3);
    expect(keptAcross).toBeCloseTo(residualAlong, 3); // λ₂ both ways
    expect(keptAlong + residualAlong).toBeCloseTo(keptAcross + residualAcross, 6);
    expect(keptAcross).toBeLessThan(keptAlong);
    expect(markdown(along, 'Along your')).toContain('You are 0.0° away');
  }, 120_000);
});
