/**
 * A figure spec comes from cell code, which may be a stranger's, and Plotly draws it in the app's
 * own page. The page's CSP already keeps loads on our origin (src/ui/build/csp-plugin.ts); this
 * removes from a spec what would otherwise try to leave it or act on the page:
 * - images other than data: URLs (`layout.images[].source`);
 * - links in text that target another window (`target="_top"` navigated the app away) or open
 *   a popup that keeps `opener`; such links open in a new tab, as Plotly does by default;
 * - `style` attributes with `url(…)` in text (annotations, hover text);
 * - remote map styles and layers, and the topojson URL of geo figures (Plotly's CDN by default).
 * Values are copied only where something changes; numbers pass through untouched.
 */

type Json = unknown;

/** A text with Plotly's pseudo-HTML: drop target/popup attributes and styles that load URLs. */
export function sanitizeText(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(/<a\b[^>]*>|<span\b[^>]*>/gi, (tag) =>
    tag
      .replace(/\s(target|popup)\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/gi, '')
      .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, (style) => (/url\s*\(|@import|expression\s*\(/i.test(style) ? '' : style)),
  );
}

/** Every string in a value, sanitised as text; arrays and objects copied only when one changed. */
function sanitizeStrings(value: Json): Json {
  if (typeof value === 'string') return sanitizeText(value);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    let copy: Json[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === 'number') continue;
      const clean = sanitizeStrings(item);
      if (clean !== item) (copy ??= value.slice())[i] = clean;
    }
    return copy ?? value;
  }
  let copy: Record<string, Json> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const clean = sanitizeStrings(item);
    if (clean !== item) (copy ??= { ...(value as Record<string, Json>) })[key] = clean;
  }
  return copy ?? value;
}

const isDataUrl = (source: unknown): boolean => typeof source === 'string' && /^data:image\//i.test(source.trim());

/** Map styles that name one of Plotly's built-in, tile-less styles are kept; URLs and style objects are not. */
function localMap(map: Json): Json {
  if (!map || typeof map !== 'object') return map;
  const { style, layers, ...rest } = map as Record<string, Json>;
  const keepStyle = style === undefined || style === 'white-bg';
  const localLayers = Array.isArray(layers) ? layers.filter((layer) => typeof (layer as { source?: unknown })?.source !== 'string' || isDataUrl((layer as { source: string }).source)) : layers;
  return { ...rest, style: keepStyle ? style : 'white-bg', ...(layers === undefined ? {} : { layers: localLayers }) };
}

export function sanitizeLayout(layout: Record<string, Json>): Record<string, Json> {
  const clean = sanitizeStrings(layout) as Record<string, Json>;
  const result: Record<string, Json> = { ...clean };
  if (Array.isArray(clean.images)) result.images = clean.images.filter((image) => isDataUrl((image as { source?: unknown })?.source));
  for (const key of Object.keys(result)) if (/^(map|mapbox)\d*$/.test(key)) result[key] = localMap(result[key]);
  return result;
}

export function sanitizeTraces<T>(data: T[]): T[] {
  return sanitizeStrings(data) as T[];
}

/** The figure's config may not point Plotly at other hosts. */
export function sanitizeConfig(config: Record<string, Json>): Record<string, Json> {
  const { topojsonURL: _topojson, mapboxAccessToken: _token, ...rest } = config;
  // Geo base maps would come from Plotly's CDN; pointed at our own origin, they fail quietly.
  return { ...rest, topojsonURL: './topojson-not-bundled/' };
}
