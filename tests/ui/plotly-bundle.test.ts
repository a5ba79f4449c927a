import { describe, expect, it } from 'vitest';
import { bundleFor } from '../../src/ui/output/plotly-bundle.ts';

describe('bundleFor', () => {
  it('draws 2-D figures (scatter, untyped, bar, heatmap, contour, histogram) with the cartesian bundle', () => {
    expect(bundleFor([{ type: 'scatter' }, { x: [1] }, { type: 'bar' }, { type: 'heatmap' }, { type: 'contour' }, { type: 'histogram' }])).toBe('cartesian');
    expect(bundleFor([])).toBe('cartesian');
  });

  it('needs the full bundle for WebGL, 3-D or any trace type the cartesian bundle lacks', () => {
    expect(bundleFor([{ type: 'scatter' }, { type: 'scattergl' }])).toBe('full');
    expect(bundleFor([{ type: 'surface' }])).toBe('full');
    expect(bundleFor([{ type: 'scatter3d' }])).toBe('full');
    expect(bundleFor([{ type: 'sankey' }])).toBe('full');
  });
});
