/**
 * Pinning a figure to compare two settings: the traces drawn at pin time are kept, faded and
 * dotted, under the live ones while the learner moves controls. Surfaces (contours, heatmaps)
 * are not copied: the live one is the backdrop, and two would hide each other.
 */
import type { Trace } from '../../plot/figure.ts';

const SURFACES = new Set(['heatmap', 'contour', 'histogram2d', 'histogram2dcontour', 'surface', 'image']);
const PINNED_GROUP = 'pinned';
const FADED = 0.35;

/**
 * Faded copies of the drawn traces. The legend gets one entry for all of them, "pinned: <what>",
 * which also shows or hides them together.
 */
export function pinTraces(drawn: readonly Trace[], what: string): Trace[] {
  const kept = drawn.filter((trace) => !SURFACES.has(String(trace.type ?? 'scatter')) && trace.legendgroup !== PINNED_GROUP);
  return kept.map((trace, i) => {
    const copy: Trace = {
      ...structuredClone(trace),
      name: what === '' ? 'pinned' : `pinned: ${what}`,
      legendgroup: PINNED_GROUP,
      showlegend: i === 0,
      opacity: FADED * (typeof trace.opacity === 'number' ? trace.opacity : 1),
      hoverinfo: 'skip',
      hovertemplate: undefined,
    };
    if (typeof copy.mode === 'string' && copy.mode.includes('lines')) copy.line = { ...(copy.line as object | undefined), dash: 'dot' };
    // A second colour bar for the pinned copy would only take room.
    if (copy.marker && typeof copy.marker === 'object') copy.marker = { ...(copy.marker as object), showscale: false };
    return copy;
  });
}

/** The live traces with the pinned ones under them (above any surface, which stays at the back). */
export function withPinned(live: readonly Trace[], pinned: readonly Trace[]): Trace[] {
  if (pinned.length === 0) return [...live];
  const surfaces = live.filter((trace) => SURFACES.has(String(trace.type ?? 'scatter')));
  const rest = live.filter((trace) => !SURFACES.has(String(trace.type ?? 'scatter')));
  return [...surfaces, ...pinned, ...rest];
}
