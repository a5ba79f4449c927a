import type { Trace } from './figure.ts';

/** Trace types drawn in a 3-D scene rather than on x/y axes. */
const THREE_D = new Set(['surface', 'scatter3d', 'mesh3d', 'cone', 'streamtube', 'isosurface', 'volume']);

/** Whether a trace lives in a 3-D scene; a trace without a type is a 2-D scatter, as in Plotly. */
export function isThreeD(trace: Trace): boolean {
  return THREE_D.has(String(trace.type ?? 'scatter'));
}
