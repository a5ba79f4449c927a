import { describe, expect, it } from 'vitest';
import { Adagrad, Adam, AdamW, Momentum, Nesterov, RMSprop, SGD, lbfgs, minimize, quadraticBowl, rosenbrock, rosenbrockFunction } from '../../src/ml/index.ts';
import { expectClose } from './fixtures/expect-close.ts';
import optimizers from './fixtures/optimizers.json' with { type: 'json' };

const quadratic1d = (a: number) => ({ f: (x: readonly number[]) => 0.5 * a * x[0] * x[0], grad: (x: readonly number[]) => [a * x[0]] });

function finiteDifference(f: (x: readonly number[]) => number, x: number[], h = 1e-6): number[] {
  return x.map((_, j) => {
    const up = x.slice(), down = x.slice();
    up[j] += h; down[j] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

describe('test functions', () => {
  it('rosenbrock.grad matches central finite differences and vanishes at the minimum (1, 1)', () => {
    for (const x of [[-1.5, 2], [0.3, -0.7], [2, 2]]) expectClose(rosenbrock.grad(x), finiteDifference(rosenbrock.f, x), 1e-6);
    expect(rosenbrock.f([1, 1])).toBe(0);
    expect(rosenbrock.grad([1, 1])).toEqual([0, 0]);
    expect(rosenbrock.f([-1.5, 2])).toBeCloseTo(100 * (2 - 2.25) ** 2 + 2.5 ** 2, 12);
  });

  it('rosenbrockFunction in 4 dimensions has its gradient right and minimum at (1, 1, 1, 1)', () => {
    const r4 = rosenbrockFunction(1, 100, 4);
    expectClose(r4.grad([0.5, -0.2, 1.3, 0.9]), finiteDifference(r4.f, [0.5, -0.2, 1.3, 0.9]), 1e-6);
    expect(r4.minimum).toEqual([1, 1, 1, 1]);
    expect(r4.f(r4.minimum)).toBe(0);
  });

  it('quadraticBowl has curvature 1 along its valley and κ across it, at any angle', () => {
    const angle = 0.4, bowl = quadraticBowl(25, angle);
    const along = [Math.cos(angle), Math.sin(angle)], across = [-Math.sin(angle), Math.cos(angle)];
    expect(bowl.f(along)).toBeCloseTo(0.5, 12);
    expect(bowl.f(across)).toBeCloseTo(12.5, 12);
    expectClose(bowl.grad([1.2, -0.4]), finiteDifference(bowl.f, [1.2, -0.4]), 1e-7);
  });
});

describe('optimiser steps against hand-derived values', () => {
  it('Adam.step: the first step has magnitude lr in every coordinate (bias correction makes m̂ = g, v̂ = g²)', () => {
    const adam = new Adam({ learningRate: 0.1 });
    const g = [3, -0.02, 1e3];
    const x1 = adam.step([1, 1, 1], g);
    expectClose(x1.map((x) => Math.abs(x - 1)), [0.1, 0.1, 0.1], 1e-6);
    const s = adam.state();
    expectClose(s.mHat, g, 1e-12);
    expectClose(s.vHat, g.map((v) => v * v), 1e-12);
    expectClose(s.m, g.map((v) => 0.1 * v), 1e-12);
  });

  it('Adam bias correction: after two steps m̂ = (β₁(1−β₁)g₁ + (1−β₁)g₂)/(1−β₁²)', () => {
    const adam = new Adam({ beta1: 0.9, beta2: 0.99 });
    adam.step([0], [2]);
    adam.step([0], [4]);
    const s = adam.state();
    expectClose(s.mHat[0], (0.9 * 0.1 * 2 + 0.1 * 4) / (1 - 0.81), 1e-12);
    expectClose(s.vHat[0], (0.99 * 0.01 * 4 + 0.01 * 16) / (1 - 0.99 ** 2), 1e-12);
  });

  it('SGD on ½ax² follows the closed form x_t = (1 − lr·a)^t x₀', () => {
    const { f, grad } = quadratic1d(3);
    const path = [...new SGD({ learningRate: 0.1 }).minimize(f, grad, [2], { maxIter: 20 })];
    path.forEach((s) => expectClose(s.x[0], 2 * 0.7 ** s.t, 1e-12));
  });

  it('Momentum on ½ax² equals the recurrence x_{t+1} = (1 + β − lr·a)x_t − βx_{t−1}', () => {
    const a = 2, lr = 0.05, beta = 0.8;
    const { f, grad } = quadratic1d(a);
    const path = [...new Momentum({ learningRate: lr, beta }).minimize(f, grad, [1], { maxIter: 30 })];
    const expected = [1, 1 - lr * a];
    for (let t = 2; t <= 30; t++) expected.push((1 + beta - lr * a) * expected[t - 1] - beta * expected[t - 2]);
    path.forEach((s) => expectClose(s.x[0], expected[s.t], 1e-12));
    expectClose(path[3].velocity[0], expected[3] - expected[2], 1e-12);
  });

  it('Nesterov on ½ax² equals the recurrence x_{t+1} = (1 + β)(1 − lr·a)x_t − β(1 − lr·a)x_{t−1}', () => {
    const a = 2, lr = 0.05, beta = 0.8, c = 1 - lr * a;
    const { f, grad } = quadratic1d(a);
    const path = [...new Nesterov({ learningRate: lr, beta }).minimize(f, grad, [1], { maxIter: 30 })];
    // First step from v₀ = 0: v₁ = −lr·a·x₀, x₁ = x₀ + βv₁ − lr·a·x₀ = c·x₀ + β(c − 1)x₀
    const expected = [1, c + beta * (c - 1)];
    for (let t = 2; t <= 30; t++) expected.push((1 + beta) * c * expected[t - 1] - beta * c * expected[t - 2]);
    path.forEach((s) => expectClose(s.x[0], expected[s.t], 1e-12));
  });

  it('RMSprop and Adagrad first steps are lr·g/√((1−ρ)g²) and lr·g/|g|', () => {
    const x1 = new RMSprop({ learningRate: 0.01, rho: 0.9, epsilon: 0 }).step([0, 0], [5, -0.5]);
    expectClose(x1, [-0.01 / Math.sqrt(0.1), 0.01 / Math.sqrt(0.1)], 1e-12);
    const y1 = new Adagrad({ learningRate: 0.3, epsilon: 0 }).step([1, 1], [4, -9]);
    expectClose(y1, [0.7, 1.3], 1e-12);
  });

  it('AdamW with zero gradient decays the weights geometrically by (1 − lr·λ)', () => {
    const opt = new AdamW({ learningRate: 0.1, weightDecay: 0.5 });
    let x = [2, -4];
    for (let t = 0; t < 10; t++) x = opt.step(x, [0, 0]);
    expectClose(x, [2 * 0.95 ** 10, -4 * 0.95 ** 10], 1e-12);
    expect(new Adam().params.weightDecay).toBe(0);
  });
});

describe('weight decay: Adam adds λθ to the gradient, AdamW decouples it (against make_optimizers.py)', () => {
  const ref = optimizers.weightDecay;
  // f(θ) = Σ (θ − 3)², the objective of the reference script
  const f = (x: readonly number[]) => x.reduce((s, v) => s + (v - 3) ** 2, 0);
  const grad = (x: readonly number[]) => x.map((v) => 2 * (v - 3));
  const run = (opt: Adam) => [...opt.minimize(f, grad, ref.x0, { maxIter: ref.steps, tol: 0 })].map((s) => s.x);

  it('Adam with weightDecay follows the reference L2-coupled trajectory and settles at 6/(2 + λ) = 2.4', () => {
    const path = run(new Adam({ learningRate: ref.lr, weightDecay: ref.weightDecay }));
    expect(path.length).toBe(ref.adam.length);
    path.forEach((x, t) => expectClose(x, ref.adam[t], 1e-9, `Adam step ${t}`));
    expect(path.at(-1)![0]).toBeCloseTo(2.4, 6);
  });

  it('AdamW with the same settings follows the reference decoupled trajectory to x = 1.7406', () => {
    const path = run(new AdamW({ learningRate: ref.lr, weightDecay: ref.weightDecay }));
    path.forEach((x, t) => expectClose(x, ref.adamw[t], 1e-9, `AdamW step ${t}`));
    expect(path.at(-1)![0]).toBeCloseTo(1.7406, 4);
  });

  it("Adam's coupled decay goes through the adaptive scaling: with zero gradient the first step is lr·sign(θ), not lr·λθ", () => {
    const x1 = new Adam({ learningRate: 0.1, weightDecay: 0.5 }).step([2, -4], [0, 0]);
    expectClose(x1, [1.9, -3.9], 1e-6);
  });
});

describe('minimize', () => {
  const bowl = quadraticBowl(10, 0.5);

  it('minimize reaches the bowl minimum with every optimiser', () => {
    const optimisers = [new SGD({ learningRate: 0.15 }), new Momentum({ learningRate: 0.05, beta: 0.9 }), new Nesterov({ learningRate: 0.05, beta: 0.9 }),
      new RMSprop({ learningRate: 1e-4 }), new Adam({ learningRate: 0.05 }), new AdamW({ learningRate: 0.05, weightDecay: 0 }), new Adagrad({ learningRate: 1 })];
    for (const opt of optimisers) {
      // Adaptive methods end in steps of about lr, so RMSprop gets a small lr and more steps.
      const result = minimize(opt, bowl.f, bowl.grad, bowl.start, { maxIter: 100_000, tol: 1e-6 });
      expect(Math.hypot(...result.x), opt.name).toBeLessThan(1e-3);
    }
  });

  it('minimize with Adam gets to the Rosenbrock minimum (1, 1)', () => {
    const result = minimize(new Adam({ learningRate: 0.02 }), rosenbrock.f, rosenbrock.grad, rosenbrock.start, { maxIter: 20_000, tol: 1e-6 });
    expectClose(result.x, [1, 1], 1e-3);
    expect(result.converged).toBe(true);
  });

  it('minimize returns the path from t = 0 at x₀ and stops once ‖∇f‖ ≤ tol', () => {
    const result = minimize(new SGD({ learningRate: 0.15 }), bowl.f, bowl.grad, bowl.start, { maxIter: 10_000, tol: 1e-4 });
    expect(result.path[0].t).toBe(0);
    expect(result.path[0].x).toEqual(bowl.start);
    expect(result.path.length).toBe(result.nIter + 1);
    expect(Math.hypot(...result.path.at(-1)!.grad)).toBeLessThanOrEqual(1e-4);
    expect(Math.hypot(...result.path.at(-2)!.grad)).toBeGreaterThan(1e-4);
  });

  it('minimize with too large a learning rate diverges and the path shows it', () => {
    const result = minimize(new SGD({ learningRate: 0.25 }), bowl.f, bowl.grad, bowl.start, { maxIter: 200 });
    expect(result.loss).toBeGreaterThan(bowl.f(bowl.start) * 1e6);
    expect(result.converged).toBe(false);
  });

  it('Adam.minimize yields m̂ and v̂ with each step', () => {
    const first = [...new Adam().minimize(bowl.f, bowl.grad, bowl.start, { maxIter: 2 })];
    expect(first.length).toBe(3);
    expectClose(first[1].mHat, first[0].grad, 1e-12);
    const viaMinimize = minimize(new Adam(), bowl.f, bowl.grad, bowl.start, { maxIter: 2 });
    expectClose(viaMinimize.path[1].vHat, first[0].grad.map((g) => g * g), 1e-12);
  });

  it('optimisers reject bad options and mismatched gradients with messages naming the class', () => {
    expect(() => new Adam({ learningRate: -1 }).step([0], [1])).toThrow('Adam: learningRate must be a positive number, got -1');
    expect(() => new Nesterov({ beta: 1 }).step([0], [1])).toThrow('Nesterov: beta must be in [0, 1), got 1');
    expect(() => new SGD().step([0, 1], [1])).toThrow('SGD.step: params has 2 values but grads has 1');
  });
});

describe('lbfgs', () => {
  it('lbfgs minimises Rosenbrock to its minimum in few iterations', () => {
    const fg = (x: Float64Array, g: Float64Array) => {
      g.set(rosenbrock.grad(Array.from(x)));
      return rosenbrock.f(Array.from(x));
    };
    const steps = [...lbfgs(fg, [-1.5, 2], { maxIter: 200, gtol: 1e-9 })];
    expectClose(Array.from(steps.at(-1)!.x), [1, 1], 1e-6);
    expect(steps.length).toBeLessThan(100);
  });
});
