/**
 * A scatter trace whose markers are mostly size 0 is drawn as its line plus a small trace of the
 * markers that show. `path` does this (one trace: the line, and per-point sizes that are 0 but for
 * the start and end marks, unless it is asked for a dot at every iterate), and Plotly draws and
 * styles one SVG element per point whatever its size: for optimizers' five 2,000-step paths,
 * 10,000 invisible markers and 420 ms of a 1 s move. Drawn apart, the line is one path element.
 * It also keeps a long path in SVG (a trace with markers past WEBGL_POINTS would go to WebGL).
 */
import type { Trace } from '../../plot/figure.ts';

/** Below this many points the invisible markers cost too little to be worth a second trace. */
const MIN_POINTS = 50;

export function withoutHiddenMarkers(trace: Trace, index: number): Trace[] {
  const marker = trace.marker as Record<string, unknown> | undefined;
  const sizes = marker?.size;
  const mode = typeof trace.mode === 'string' ? trace.mode : '';
  const x = trace.x as unknown[] | undefined;
  if ((trace.type ?? 'scatter') !== 'scatter' || !mode.includes('markers') || !Array.isArray(sizes) || !Array.isArray(x) || x.length < MIN_POINTS) return [trace];
  const texts = mode.includes('text') && Array.isArray(trace.text) ? (trace.text as unknown[]) : undefined;
  const shown = sizes.flatMap((size, i) => (size !== 0 || (texts !== undefined && texts[i] !== '' && texts[i] != null) ? [i] : []));
  if (shown.length > sizes.length / 2) return [trace];
  const pick = (values: unknown) => (Array.isArray(values) ? shown.map((i) => values[i]) : values);
  const group = typeof trace.legendgroup === 'string' ? trace.legendgroup : `stepwise-marks-${index}`;
  const lineModes = mode.split('+').filter((part) => part !== 'markers' && part !== 'text');
  const line: Trace = { ...trace, mode: lineModes.length > 0 ? lineModes.join('+') : 'none', legendgroup: group };
  delete line.text;
  delete line.textposition;
  const pickEach = (object: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(object).map(([key, value]) => [key, isPlainObject(value) ? pickEach(value) : pick(value)]));
  const pickedMarker = pickEach(marker!);
  const marks: Trace = {
    type: 'scatter',
    mode: texts ? 'markers+text' : 'markers',
    x: pick(trace.x),
    y: pick(trace.y),
    marker: pickedMarker,
    name: trace.name,
    legendgroup: group,
    showlegend: false,
    // The line under them answers hover, with each point's own step number.
    hoverinfo: 'skip',
    ...(texts ? { text: pick(texts), textposition: pick(trace.textposition), textfont: trace.textfont } : {}),
    ...(trace.xaxis !== undefined ? { xaxis: trace.xaxis } : {}),
    ...(trace.yaxis !== undefined ? { yaxis: trace.yaxis } : {}),
    ...(trace.visible !== undefined ? { visible: trace.visible } : {}),
    ...(trace.opacity !== undefined ? { opacity: trace.opacity } : {}),
  };
  return [line, marks];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}
