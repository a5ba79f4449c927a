/**
 * Unnamed lines of one style drawn as one trace, each line after a null gap. A fan of fits (30
 * bagged trees, 40 simulated A/B tests, one path per λ) is otherwise a trace each, and Plotly
 * lays out, draws and styles every trace on every redraw: ab-testing's peeking figure had 48.
 * Only traces that nothing tells apart are joined: lines with no name, legend entry, text, fill
 * or markers. Within a run of such traces, those of one style become one trace, in the order
 * their styles first appear; the run keeps its place among the other traces.
 */
import type { Trace } from '../../plot/figure.ts';

/** What a joinable trace may have besides its points; anything else (a name, text, a fill) could tell it apart. */
const STYLE_KEYS = new Set(['type', 'mode', 'line', 'showlegend', 'hoverinfo', 'opacity', 'xaxis', 'yaxis']);

export function joinedLines(data: Trace[]): Trace[] {
  const out: Trace[] = [];
  let run = new Map<string, Trace[]>();
  const endRun = () => {
    for (const group of run.values()) out.push(group.length === 1 ? group[0] : joined(group));
    run = new Map();
  };
  for (const trace of data) {
    const style = styleOf(trace);
    if (style === undefined) {
      endRun();
      out.push(trace);
      continue;
    }
    run.set(style, [...(run.get(style) ?? []), trace]);
  }
  endRun();
  return out;
}

/** The trace's style as a key, or undefined when it must be drawn on its own. */
function styleOf(trace: Trace): string | undefined {
  if (trace.type !== 'scatter' || trace.mode !== 'lines' || trace.showlegend !== false) return undefined;
  if (!Array.isArray(trace.x) || !Array.isArray(trace.y) || trace.x.length !== trace.y.length) return undefined;
  const style: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(trace)) {
    if (key === 'x' || key === 'y') continue;
    if (!STYLE_KEYS.has(key)) return undefined;
    style[key] = value;
  }
  return stableKey(style);
}

/** JSON with every object's keys sorted, so the same style written in another order gives the same key. */
function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stableKey((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function joined(group: Trace[]): Trace {
  const x: unknown[] = [], y: unknown[] = [];
  group.forEach((trace, i) => {
    if (i > 0) {
      x.push(null);
      y.push(null);
    }
    x.push(...(trace.x as unknown[]));
    y.push(...(trace.y as unknown[]));
  });
  return { ...group[0], x, y };
}
