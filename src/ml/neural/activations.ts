import { erf } from './erf.ts';
import { fail } from '../core/validate.ts';

/** A number, or an array (of arrays …) of numbers: what the activation functions accept. */
export type Numeric = number | readonly Numeric[];
/** The same shape as T, with numbers in it. */
export type Mapped<T> = T extends number ? number : T extends readonly (infer U)[] ? Mapped<U>[] : never;

/** An activation (or its derivative) usable on one number or elementwise on nested arrays. */
export type Elementwise = <T extends Numeric>(x: T, param?: number) => Mapped<T>;

/** Lifts a function of one number to work elementwise on arrays of any depth. */
export function elementwise(f: (x: number, param?: number) => number): Elementwise {
  const apply = (x: Numeric, param?: number): Numeric =>
    typeof x === 'number' ? f(x, param) : x.map((v) => apply(v, param));
  return apply as Elementwise;
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_CUBIC = 0.044715;
const standardNormalPdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
const logistic = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))); // no overflow either side

/** ReLU(x) = max(0, x). */
export const relu = elementwise((x) => (x > 0 ? x : 0));
/** Leaky ReLU(x) = x for x > 0, αx otherwise (α = 0.01 unless given). */
export const leakyRelu = elementwise((x, alpha = 0.01) => (x > 0 ? x : alpha * x));
/** GELU(x) = x·Φ(x) = ½x(1 + erf(x/√2)), the exact form (PyTorch's default). */
export const gelu = elementwise((x) => 0.5 * x * (1 + erf(x / Math.SQRT2)));
/** GELU, tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (GPT-2, tf.js 'gelu_new'). */
export const geluTanh = elementwise((x) => 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x ** 3))));
/** σ(x) = 1 / (1 + e^(−x)), computed without overflow for large |x|. */
export const sigmoid = elementwise(logistic);
/** tanh(x) = (eˣ − e^(−x)) / (eˣ + e^(−x)). */
export const tanh = elementwise(Math.tanh);
/** ELU(x) = x for x > 0, α(eˣ − 1) otherwise (α = 1 unless given). */
export const elu = elementwise((x, alpha = 1) => (x > 0 ? x : alpha * Math.expm1(x)));
/** Swish / SiLU(x) = x·σ(x). */
export const swish = elementwise((x) => x * logistic(x));
/** The identity, for a linear output layer. */
export const linear = elementwise((x) => x);

/** Derivatives: at a kink (ReLU at 0) the left-hand value is used, as frameworks do. */
const derivatives = {
  relu: elementwise((x) => (x > 0 ? 1 : 0)),
  leakyRelu: elementwise((x, alpha = 0.01) => (x > 0 ? 1 : alpha)),
  // d/dx xΦ(x) = Φ(x) + xφ(x)
  gelu: elementwise((x) => 0.5 * (1 + erf(x / Math.SQRT2)) + x * standardNormalPdf(x)),
  // u = √(2/π)(x + 0.044715x³): d/dx ½x(1 + tanh u) = ½(1 + tanh u) + ½x(1 − tanh²u)·u'
  geluTanh: elementwise((x) => {
    const t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x ** 3));
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
  }),
  // σ' = σ(1 − σ): at most 1/4, which is why deep sigmoid nets' gradients vanish.
  sigmoid: elementwise((x) => logistic(x) * (1 - logistic(x))),
  tanh: elementwise((x) => 1 - Math.tanh(x) ** 2),
  elu: elementwise((x, alpha = 1) => (x > 0 ? 1 : alpha * Math.exp(x))),
  // (xσ)' = σ + xσ(1 − σ)
  swish: elementwise((x) => logistic(x) * (1 + x * (1 - logistic(x)))),
  linear: elementwise(() => 1),
} satisfies Record<string, Elementwise>;

/** The elementwise activations by name (softmax, which mixes a whole vector, is separate). */
export const activations = { relu, leakyRelu, gelu, geluTanh, sigmoid, tanh, elu, swish, linear };
export type ActivationName = keyof typeof activations;

/** f′ of a named activation, on numbers or elementwise on arrays: `activationDerivative('tanh')(0)` → 1. */
export function activationDerivative(name: ActivationName): Elementwise {
  if (!Object.hasOwn(derivatives, name)) {
    fail('activationDerivative', `unknown activation ${JSON.stringify(name)}; use one of ${Object.keys(derivatives).join(', ')}`);
  }
  return derivatives[name];
}

/**
 * softmax(x)ᵢ = e^(xᵢ/T) / Σⱼ e^(xⱼ/T) of a vector, or of each row of a matrix. The maximum is
 * subtracted first (the result is unchanged, e^x cannot overflow). T > 1 flattens, T < 1 sharpens.
 */
export function softmax(x: readonly number[], temperature?: number): number[];
/** softmax of each row of a matrix (see the vector form). */
export function softmax(x: readonly (readonly number[])[], temperature?: number): number[][];
export function softmax(x: readonly number[] | readonly (readonly number[])[], temperature = 1): number[] | number[][] {
  if (!(temperature > 0)) fail('softmax', `temperature must be > 0, got ${temperature}`);
  if (x.length > 0 && Array.isArray(x[0])) return (x as number[][]).map((row) => softmaxVector(row, temperature));
  return softmaxVector(x as number[], temperature);
}

function softmaxVector(x: readonly number[], temperature: number): number[] {
  let max = -Infinity;
  for (const v of x) if (v > max) max = v;
  const e = x.map((v) => Math.exp((v - max) / temperature));
  let sum = 0;
  for (const v of e) sum += v;
  return e.map((v) => v / sum);
}

/**
 * ∂softmax(x)ᵢ/∂xⱼ = sᵢ(δᵢⱼ − sⱼ)/T: softmax's derivative is a matrix, since every output depends
 * on every input. The 1/T comes from the chain rule through x/T; a small T makes s nearly one-hot,
 * and then every entry sᵢ(δᵢⱼ − sⱼ) is near 0 (the gradient vanishes) although 1/T is large.
 */
export function softmaxJacobian(x: readonly number[], temperature = 1): number[][] {
  if (!(temperature > 0)) fail('softmaxJacobian', `temperature must be > 0, got ${temperature}`);
  const s = softmaxVector(x, temperature);
  return s.map((si, i) => s.map((sj, j) => (si * ((i === j ? 1 : 0) - sj)) / temperature));
}
