/**
 * A function of two variables as a 3-D surface the learner can rotate.
 */
import { plot, type Figure, type Trace } from './figure.ts';
import { evaluateGrid, type Box } from './grid.ts';
import { DEFAULT_RESOLUTION, fieldColoring, type FieldOptions } from './contour.ts';
import { baseLayout, sceneAxis } from './layout.ts';
import { log10Grid } from './scale.ts';

/**
 * 3-D surface of f(x, y) over the box `{ x: [min, max], y: [min, max] }`; with `logScale` the
 * height is log10 f.
 * @example surface((w, b) => mse(w, b), { x: [-3, 3], y: [-3, 3] }, { xTitle: 'w', yTitle: 'b', zTitle: 'MSE' })
 */
export function surface(f: (x: number, y: number) => number, box: Box, opts: FieldOptions = {}): Figure {
  const grid = evaluateGrid(f, box, opts.resolution ?? DEFAULT_RESOLUTION, 'surface');
  const z = opts.logScale ? log10Grid(grid, 'surface') : grid.z;
  const trace: Trace = { type: 'surface', x: grid.x, y: grid.y, z, ...fieldColoring(grid, z, opts) };
  const zTitle = opts.logScale ? `log10 ${opts.zTitle ?? 'f'}` : (opts.zTitle ?? 'f');
  const layout = baseLayout(opts, [trace], {
    scene: {
      xaxis: sceneAxis(opts.xTitle ?? 'x'),
      yaxis: sceneAxis(opts.yTitle ?? 'y'),
      zaxis: sceneAxis(zTitle),
      camera: { eye: { x: 1.5, y: -1.5, z: 1.1 } },
    },
    margin: { l: 0, r: 0, t: opts.title !== undefined ? 45 : 10, b: 0 },
  });
  // A 3-D chart has no 2-D axes or plot area; only the scene is drawn.
  delete layout.xaxis;
  delete layout.yaxis;
  delete layout.plot_bgcolor;
  return plot([trace], layout);
}
