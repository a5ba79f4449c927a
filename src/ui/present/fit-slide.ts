/**
 * How a slide fits its box (pure, measured by SlideView). Figures share the height the text
 * leaves them, within bounds; a slide still taller than its box is scaled down to fit it.
 */

/** A figure on a slide is at least this share of the box's height (smaller, it is not worth reading)… */
const MIN_FIGURE_SHARE = 0.34;
/** …and at most this share, so a lone figure leaves room for its title and controls. */
const MAX_FIGURE_SHARE = 0.72;
/** Figure heights move in steps of this many px, so that small changes of text do not redraw them. */
const STEP = 8;

export interface SlideMeasure {
  boxHeight: number;
  /** The slide's content at its natural size (before any scaling), figures included. */
  contentHeight: number;
  /** Heights the figures on the slide take now (each may be more than figureHeight: notes, legends). */
  figureHeights: number[];
  /** The height the figures were asked to draw at. */
  figureHeight: number;
  /** The content's width over the width it needs (below 1 when a table or code is wider); 1 if omitted. */
  widthRatio?: number;
}

export interface SlideFit {
  figureHeight: number;
  fontScale: number;
  /** 1 when it fits; less when it is scaled down to fit. */
  scale: number;
  /** Scaled for its width (a wide table): shrink towards the left edge, where the overflow starts. */
  byWidth: boolean;
}

export function fitSlide(measure: SlideMeasure): SlideFit | undefined {
  const { boxHeight, contentHeight, figureHeights, figureHeight } = measure;
  if (boxHeight <= 0 || contentHeight <= 0) return undefined;
  const count = figureHeights.length;
  // What is not the figures' own drawing area: text, controls, figure extras (legend rows, notes).
  const rest = contentHeight - count * figureHeight;
  const wanted = count === 0 ? figureHeight : (boxHeight - rest) / count;
  const bounded = Math.min(MAX_FIGURE_SHARE * boxHeight, Math.max(MIN_FIGURE_SHARE * boxHeight, wanted));
  const height = Math.max(STEP, Math.floor(bounded / STEP) * STEP);
  const expected = rest + count * height;
  const ratio = Math.min(1, boxHeight / expected, measure.widthRatio ?? 1);
  const scale = ratio >= 1 ? 1 : Math.floor(ratio * 100) / 100;
  return { figureHeight: height, fontScale: fitSlide.fontScale(boxHeight), scale, byWidth: (measure.widthRatio ?? 1) < Math.min(1, boxHeight / expected) };
}

/** Chart text grows with the screen: Plotly's 12 px at 600 px of height and below, 1.8× at 1080. */
fitSlide.fontScale = (height: number): number => Math.max(1, Math.round((height / 600) * 10) / 10);
