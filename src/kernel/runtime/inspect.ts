/**
 * Turns any value into short readable text, the way a REPL shows it: numbers rounded to six
 * significant digits, long arrays and deep objects cut with a count of what was left out.
 */
import { NESTED_TEXT_LIMIT } from './output-bounds.ts';
import { withSignificantDigits } from './significant-digits.ts';

const MAX_ITEMS = 100;
const MAX_DEPTH = 3;
const MAX_INLINE = 80;

export function formatNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) return withSignificantDigits(x, 6);
  return x.toExponential(4);
}

export function inspect(value: unknown, depth = 0, seen: Set<object> = new Set(), quoteStrings = false): string {
  switch (typeof value) {
    case 'number':
      return formatNumber(value);
    case 'string':
      // A string inside a value is cut here, before JSON.stringify copies all of it.
      if (!quoteStrings) return value;
      return value.length > NESTED_TEXT_LIMIT ? `${JSON.stringify(value.slice(0, NESTED_TEXT_LIMIT))}… ${value.length - NESTED_TEXT_LIMIT} more characters` : JSON.stringify(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return /^class\b/.test(Function.prototype.toString.call(value)) ? `class ${value.name}` : `ƒ ${value.name || 'anonymous'}(…)`;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (seen.has(obj)) return '[circular]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (isTensorLike(value)) return inspectTensor(value);
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `Array(${value.length})` : `${constructorName(obj) || 'Object'} {…}`;

  seen.add(obj);
  try {
    const inner = (v: unknown) => inspect(v, depth + 1, seen, true);
    if (Array.isArray(value)) return wrap('[', ']', listItems(value, inner), depth);
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const arr = value as unknown as ArrayLike<number>;
      return `${constructorName(obj)}(${arr.length}) ` + wrap('[', ']', listItems(Array.from(arr), inner), depth);
    }
    if (value instanceof Map) {
      return `Map(${value.size}) ` + wrap('{', '}', listItems([...value.entries()], ([k, v]) => `${inner(k)} => ${inner(v)}`), depth);
    }
    if (value instanceof Set) return `Set(${value.size}) ` + wrap('{', '}', listItems([...value], inner), depth);
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v !== 'function');
    const name = constructorName(obj);
    const prefix = name && name !== 'Object' ? `${name} ` : '';
    return prefix + wrap('{', '}', listItems(entries, ([k, v]) => `${safeKey(k)}: ${inner(v)}`), depth);
  } finally {
    seen.delete(obj);
  }
}

function listItems<T>(items: T[], show: (item: T) => string): string[] {
  const shown = items.slice(0, MAX_ITEMS).map(show);
  if (items.length > MAX_ITEMS) shown.push(`… ${items.length - MAX_ITEMS} more`);
  return shown;
}

/** One line when short, otherwise one item per line indented by depth. */
function wrap(open: string, close: string, items: string[], depth: number): string {
  if (items.length === 0) return open + close;
  const inline = `${open}${items.join(', ')}${close}`;
  if (inline.length <= MAX_INLINE && !inline.includes('\n')) return inline;
  const pad = '  '.repeat(depth + 1);
  return `${open}\n${items.map((s) => pad + s).join(',\n')}\n${'  '.repeat(depth)}${close}`;
}

function safeKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function constructorName(obj: object): string {
  const proto = Object.getPrototypeOf(obj);
  return proto?.constructor?.name ?? '';
}

/** A tf.Tensor, recognised by shape rather than by class so this file needs no TensorFlow import. */
export interface TensorLike {
  shape: number[];
  dtype: string;
  size: number;
  isDisposed: boolean;
  arraySync(): unknown;
}

export function isTensorLike(value: unknown): value is TensorLike {
  const t = value as TensorLike;
  return typeof value === 'object' && value !== null && Array.isArray(t.shape) && typeof t.dtype === 'string' && typeof t.arraySync === 'function';
}

function inspectTensor(t: TensorLike): string {
  const head = `Tensor ${t.dtype} [${t.shape.join(', ')}]`;
  if (t.isDisposed) return `${head} (disposed)`;
  return `${head}\n${inspect(t.arraySync(), 0, new Set(), true)}`;
}
