import { describe, expect, it } from 'vitest';
import {
  activationDerivative, activations, elementwise, erf, gelu, geluTanh, leakyRelu, relu, softmax, softmaxJacobian,
  unitActivity, type ActivationName,
} from '../../src/ml/index.ts';
import erfFixture from './fixtures/erf.json';
// numpy and scipy values (fixtures/make_activations.py).
import reference from './fixtures/activations.json';

const names = Object.keys(activations) as ActivationName[];
// Points away from the kinks of relu / leakyRelu / elu at 0, where f′ is one-sided.
const points = [-4, -2.3, -1, -0.4, -0.05, 0.07, 0.5, 1.3, 2.6, 5];

describe('activations', () => {
  it('activationDerivative matches central finite differences within 1e-6 for every activation', () => {
    const h = 1e-5;
    for (const name of names) {
      const f = activations[name], df = activationDerivative(name);
      for (const x of points) {
        const numeric = (f(x + h) - f(x - h)) / (2 * h);
        expect(Math.abs(df(x) - numeric), `${name}'(${x})`).toBeLessThan(1e-6);
      }
    }
  });

  it('every activation and activationDerivative match numpy / scipy (GELU through scipy.special.erf) to 1e-12', () => {
    const referenceNames = Object.keys(reference.values) as (keyof typeof reference.values)[];
    expect(referenceNames).toHaveLength(8);
    for (const name of referenceNames) {
      const f = activations[name], df = activationDerivative(name);
      reference.x.forEach((x, i) => {
        expect(Math.abs(f(x) - reference.values[name][i]), `${name}(${x})`).toBeLessThan(1e-12);
        expect(Math.abs(df(x) - reference.derivatives[name][i]), `${name}'(${x})`).toBeLessThan(1e-12);
      });
    }
  });

  it('erf matches Python math.erf to 1e-15', () => {
    erfFixture.x.forEach((x, i) => expect(Math.abs(erf(x) - erfFixture.erf[i]), `erf(${x})`).toBeLessThan(1e-15));
  });

  it('relu, leakyRelu and gelu give the textbook values', () => {
    expect(relu(-3)).toBe(0);
    expect(relu(2.5)).toBe(2.5);
    expect(leakyRelu(-2)).toBeCloseTo(-0.02, 15);
    expect(leakyRelu(-2, 0.2)).toBeCloseTo(-0.4, 15);
    expect(gelu(1)).toBeCloseTo(0.8413447460685429, 14); // 1·Φ(1)
    expect(Math.abs(geluTanh(1) - gelu(1))).toBeLessThan(1e-3); // the approximation is close …
    expect(geluTanh(1)).not.toBe(gelu(1)); // … but not equal
    expect(activations.sigmoid(0)).toBe(0.5);
    expect(activations.sigmoid(-800)).toBe(0); // no overflow warning, no NaN
    expect(activations.elu(-1)).toBeCloseTo(Math.exp(-1) - 1, 15);
  });

  it('activations apply elementwise to arrays and keep the shape', () => {
    expect(relu([-1, 0, 2])).toEqual([0, 0, 2]);
    expect(relu([[-1, 3], [4, -5]])).toEqual([[0, 3], [4, 0]]);
    expect(activationDerivative('relu')([[-1, 3]])).toEqual([[0, 1]]);
    const cube = elementwise((x) => x ** 3);
    expect(cube([[1, 2], [3]])).toEqual([[1, 8], [27]]);
  });

  it('sigmoid derivative peaks at 1/4, the root of vanishing gradients', () => {
    const ds = activationDerivative('sigmoid');
    expect(ds(0)).toBe(0.25);
    expect(Math.max(...ds(points))).toBeLessThanOrEqual(0.25);
    expect(activationDerivative('tanh')(0)).toBe(1);
  });

  it('activationDerivative rejects an unknown name and lists the known ones', () => {
    expect(() => activationDerivative('softplus' as ActivationName)).toThrow(/unknown activation "softplus"; use one of relu, leakyRelu/);
  });
});

describe('softmax', () => {
  it('softmax sums to 1, is shift-invariant and does not overflow', () => {
    const p = softmax([1, 2, 3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)], z = e[0] + e[1] + e[2];
    p.forEach((v, i) => expect(v).toBeCloseTo(e[i] / z, 15));
    expect(softmax([1001, 1002, 1003])).toEqual(p.map((v) => expect.closeTo(v, 15)));
  });

  it('softmax with temperature: T → large flattens, T → small sharpens', () => {
    const x = [1, 2, 4];
    expect(softmax(x, 2)).toEqual(softmax(x.map((v) => v / 2)).map((v) => expect.closeTo(v, 15)));
    expect(Math.max(...softmax(x, 100))).toBeLessThan(0.35);
    expect(softmax(x, 0.01)[2]).toBeCloseTo(1, 12);
    expect(() => softmax(x, 0)).toThrow(/temperature must be > 0, got 0/);
  });

  it('softmax works row by row on a matrix', () => {
    expect(softmax([[0, 0], [1, 1]])).toEqual([[0.5, 0.5], [0.5, 0.5]]);
  });

  it('softmax and softmaxJacobian with a temperature match numpy\'s (diag(s) − ssᵀ)/T', () => {
    for (const { temperature, probabilities, jacobian } of reference.softmax.cases) {
      softmax(reference.softmax.logits, temperature).forEach((p, i) => expect(p).toBeCloseTo(probabilities[i], 14));
      const J = softmaxJacobian(reference.softmax.logits, temperature);
      J.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - jacobian[i][j]), `T = ${temperature}, J[${i}][${j}]`).toBeLessThan(1e-14)));
      // Each column sums to 0: raising one logit takes probability from the others, the total stays 1.
      J[0].forEach((_, j) => expect(Math.abs(J.reduce((sum, row) => sum + row[j], 0))).toBeLessThan(1e-15));
    }
    expect(() => softmaxJacobian([1, 2], -1)).toThrow(/softmaxJacobian: temperature must be > 0, got -1/);
  });

  it('softmaxJacobian matches finite differences of softmax', () => {
    const x = [0.3, -1.2, 2.0, 0.1];
    const J = softmaxJacobian(x), h = 1e-6;
    for (let j = 0; j < x.length; j++) {
      const up = softmax(x.map((v, k) => (k === j ? v + h : v))), down = softmax(x.map((v, k) => (k === j ? v - h : v)));
      for (let i = 0; i < x.length; i++) expect(Math.abs(J[i][j] - (up[i] - down[i]) / (2 * h))).toBeLessThan(1e-8);
    }
  });
});

describe('unitActivity', () => {
  it('unitActivity gives numpy\'s per-unit min, max, active share and dead units of a ReLU layer', () => {
    const { z, min, max, activeShare, dead } = reference.unitActivity;
    const activity = unitActivity(z);
    expect(activity.dead).toEqual(dead);
    expect(activity.dead.filter(Boolean)).toHaveLength(4);
    activity.min.forEach((v, j) => expect(v).toBeCloseTo(min[j], 14));
    activity.max.forEach((v, j) => expect(v).toBeCloseTo(max[j], 14));
    activity.activeShare.forEach((v, j) => expect(v).toBeCloseTo(activeShare[j], 14));
  });

  it('unitActivity counts a unit at exactly 0 everywhere as dead and rejects a ragged matrix', () => {
    expect(unitActivity([[0, 1e-9], [-2, -1]]).dead).toEqual([true, false]);
    expect(() => unitActivity([[1, 2], [3]])).toThrow(/unitActivity: preActivations row 1 has 1 values, expected 2/);
  });
});
