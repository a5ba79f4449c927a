/**
 * Colours that read on a white page and on a dark one. Each palette colour has a WCAG contrast
 * of at least 3:1 against both white and #1e1e1e (mid lightness, relative luminance 0.18–0.29),
 * the level WCAG asks of graphics; hues follow Tableau 10, nudged to that lightness band.
 */

/** A Plotly colourscale: `[position in 0..1, colour]` stops. */
export type Colorscale = [number, string][];

/**
 * Categorical colours for classes and series, in order: blue, orange, green, red, purple, teal,
 * pink, brown, olive, sky, gold.
 * @example scatter(X, { color: palette[2] })
 */
export const palette: readonly string[] = Object.freeze([
  '#4e79a7', '#e8710a', '#3a9a45', '#d6404e', '#9467bd', '#1f9e89',
  '#d45f9e', '#9c6b4e', '#7f8c1f', '#2a8fd0', '#b8860b',
]);

/** Grey for points that belong to no class, such as DBSCAN's noise label -1. */
export const noiseColor = '#8c8c8c';

/**
 * The colour of a class label: integer labels index the palette (wrapping around), so class 2
 * has the same colour in every chart; -1 (noise) is grey; other labels get a colour from their text.
 * @example colorFor(0) // '#4e79a7'
 */
export function colorFor(label: number | string): string {
  if (label === -1) return noiseColor;
  if (typeof label === 'number' && Number.isInteger(label)) return palette[((label % palette.length) + palette.length) % palette.length];
  // A string hash (djb2) so a label keeps its colour from one run to the next.
  let hash = 5381;
  for (const ch of String(label)) hash = ((hash * 33) ^ ch.codePointAt(0)!) >>> 0;
  return palette[hash % palette.length];
}

/**
 * Sequential colourscale (viridis) for magnitudes: losses, counts, probabilities.
 * @example heatmap(z, { colorscale: sequential })
 */
export const sequential: Colorscale = [
  [0, '#440154'], [0.125, '#472d7b'], [0.25, '#3b528b'], [0.375, '#2c728e'], [0.5, '#21918c'],
  [0.625, '#28ae80'], [0.75, '#5ec962'], [0.875, '#addc30'], [1, '#fde725'],
];

/**
 * Diverging colourscale (blue – near white – red) for signed values around a centre, such as
 * weights or correlations; pair it with a symmetric zmin/zmax.
 * @example heatmap(weights, { colorscale: diverging, zmin: -1, zmax: 1 })
 */
export const diverging: Colorscale = [
  [0, '#2166ac'], [0.17, '#67a9cf'], [0.33, '#d1e5f0'], [0.5, '#f7f7f7'],
  [0.67, '#fddbc7'], [0.83, '#ef8a62'], [1, '#b2182b'],
];

/** A colourscale from one colour to another through a light middle, e.g. between two class colours. */
export function twoColorScale(low: string, high: string): Colorscale {
  return [[0, low], [0.5, '#f2f2f2'], [1, high]];
}

/** `#rrggbb` with an alpha, as `rgba(r,g,b,a)`. */
export function withAlpha(hex: string, alpha: number): string {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return `rgba(${r},${g},${b},${alpha})`;
}
