import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Session } from '../../src/kernel/session.ts';
import { remember } from '../../src/kernel/runtime/remember.ts';
import { cells, texts } from './session-helpers.ts';

let session: Session;
afterEach(() => session?.dispose());

describe('remember (a cell global)', () => {
  it('computes a key once, keeps falsy values, and computes a new key', () => {
    const cache = new Map<string, number>();
    let computed = 0;
    const square = (key: string, v: number) => remember(cache, key, () => (computed++, v * v));
    expect([square('a', 3), square('a', 99), square('zero', 0), square('zero', 5)]).toEqual([9, 9, 0, 0]);
    expect(computed).toBe(2);
  });

  it('in a notebook, a control moved back to a setting seen before recomputes nothing', async () => {
    session = createNodeSession();
    session.setCells(cells(
      'const computedFor: number[] = []\nconst squares = new Map<number, number>()',
      'const k = slider(2, { min: 1, max: 9 })',
      'const square = remember(squares, k, () => { computedFor.push(k); return k * k });\n`${square} after computing for ${computedFor.join(", ")}`',
    ));
    await session.runAll();
    await session.setControl('c1', 'k', 5);
    await session.setControl('c1', 'k', 2);
    expect(texts(session.view('c2'))).toEqual(['4 after computing for 2, 5']);
  });
});
