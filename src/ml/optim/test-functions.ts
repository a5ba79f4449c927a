import type { Gradient, Objective } from './optimizer.ts';

/** A loss surface for the optimiser notebooks: f, its gradient, where its minimum is, and a good start. */
export interface TestFunction {
  name: string;
  f: Objective;
  grad: Gradient;
  minimum: number[];
  start: number[];
}

/**
 * The Rosenbrock "banana": f(x) = Σ_i b(x_{i+1} − x_i²)² + (a − x_i)², minimum f = 0 at (a, a², …)
 * (at (1, 1) with the usual a = 1, b = 100). Its curved, flat-bottomed valley is easy to find
 * and slow to follow.
 */
export function rosenbrockFunction(a = 1, b = 100, dimension = 2): TestFunction {
  const f: Objective = (x) => {
    let s = 0;
    for (let i = 0; i + 1 < x.length; i++) s += b * (x[i + 1] - x[i] * x[i]) ** 2 + (a - x[i]) ** 2;
    return s;
  };
  const grad: Gradient = (x) => {
    const g = new Array<number>(x.length).fill(0);
    for (let i = 0; i + 1 < x.length; i++) {
      const r = x[i + 1] - x[i] * x[i];
      g[i] += -4 * b * x[i] * r - 2 * (a - x[i]); // ∂/∂x_i
      g[i + 1] += 2 * b * r; // ∂/∂x_{i+1}
    }
    return g;
  };
  const minimum = Array.from({ length: dimension }, (_, i) => (i === 0 ? a : a ** (2 ** i)));
  return { name: 'rosenbrock', f, grad, minimum, start: Array.from({ length: dimension }, (_, i) => (i === 0 ? -1.5 : 2)) };
}

/** The standard 2-D Rosenbrock function (a = 1, b = 100), minimum 0 at (1, 1). */
export const rosenbrock: TestFunction = rosenbrockFunction();

/**
 * An ill-conditioned quadratic bowl f(x) = ½ xᵀAx with A = R·diag(1, κ)·Rᵀ rotated by `angle`
 * radians: curvature κ times steeper across the valley than along it, the shape where plain
 * gradient descent zig-zags and momentum and Adam help. Minimum 0 at the origin.
 */
export function quadraticBowl(condition = 10, angle = 0): TestFunction {
  const c = Math.cos(angle), s = Math.sin(angle);
  // A = R diag(1, κ) Rᵀ with R the rotation by `angle`
  const a11 = c * c + condition * s * s, a22 = s * s + condition * c * c, a12 = (1 - condition) * c * s;
  const f: Objective = (x) => 0.5 * (a11 * x[0] * x[0] + 2 * a12 * x[0] * x[1] + a22 * x[1] * x[1]);
  const grad: Gradient = (x) => [a11 * x[0] + a12 * x[1], a12 * x[0] + a22 * x[1]];
  return { name: `quadratic bowl (κ = ${condition})`, f, grad, minimum: [0, 0], start: [-4, 2] };
}
