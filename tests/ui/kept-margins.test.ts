import { describe, expect, it } from 'vitest';
import { drawnMargins, marginsKey, withKeptMargins } from '../../src/ui/output/kept-margins.ts';

const layout = { margin: { l: 56, r: 16, t: 24, b: 48, pad: 2 }, legend: { orientation: 'h' }, height: 300 };
const element = (size: unknown) => ({ _fullLayout: { _size: size } }) as unknown as Element;

describe('kept margins', () => {
  it('a redraw starts from the margins last drawn, keeping the declared margin’s other keys', () => {
    const key = marginsKey(layout, 640, false);
    const last = drawnMargins(element({ l: 91, r: 16, t: 24, b: 60, w: 533, h: 216, p: 2 }), key);
    expect(withKeptMargins(layout, key, last)).toEqual({ ...layout, margin: { l: 91, r: 16, t: 24, b: 60, pad: 2 } });
  });

  it('keeps whole pixels, rounded up, so that handing them back does not change them', () => {
    const key = marginsKey(layout, 640, false);
    expect(drawnMargins(element({ l: 56.2, r: 16, t: 24, b: 107.4 }), key)?.drawn).toEqual({ l: 57, r: 16, t: 24, b: 108 });
  });

  it('starts again from the declared margin when the width, the declared margin, the legend or pinning changed, or nothing was drawn', () => {
    const last = drawnMargins(element({ l: 91, r: 16, t: 24, b: 60 }), marginsKey(layout, 640, false));
    for (const key of [
      marginsKey(layout, 480, false),
      marginsKey(layout, 640, true),
      marginsKey({ ...layout, margin: { ...layout.margin, t: 80 } }, 640, false),
      marginsKey({ ...layout, legend: { orientation: 'v' } }, 640, false),
    ]) expect(withKeptMargins(layout, key, last)).toBe(layout);
    expect(withKeptMargins(layout, marginsKey(layout, 640, false), undefined)).toBe(layout);
    expect(drawnMargins(element(undefined), 'k')).toBeUndefined();
    expect(drawnMargins(element({ l: Number.NaN, r: 1, t: 1, b: 1 }), 'k')).toBeUndefined();
  });
});
