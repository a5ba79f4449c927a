/**
 * A drawn Plotly figure as one standalone SVG text, for its picture on the next visit
 * (last-pictures.ts). Plotly draws a figure in stacked SVG layers (the plot, then titles, legend
 * and hover labels); the picture nests copies of them in one SVG, without what the pointer put
 * there (hover labels, a zoom box). It is kept as a PNG and shown as an <img>.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** Transient marks of the pointer, not part of the figure. */
const POINTER_MARKS = '.hoverlayer > *, .zoomlayer > *, .select-outline';

export interface FigurePicture {
  /** The picture's box relative to `area` (the cell's output area), in CSS pixels. */
  top: number;
  left: number;
  width: number;
  height: number;
  svg: string;
}

/** The picture of a drawn figure inside `area`; undefined for one that is not drawn, is hidden, or has WebGL traces (drawn on a canvas, which the copy would miss). */
export function figurePicture(figure: HTMLElement, area: HTMLElement): FigurePicture | undefined {
  const layers = [...figure.querySelectorAll<SVGSVGElement>('svg.main-svg')];
  if (layers.length === 0 || figure.querySelector('canvas')) return undefined;
  const box = layers[0].getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return undefined;
  const serializer = new XMLSerializer();
  const copies = layers.map((layer) => {
    const copy = layer.cloneNode(true) as SVGSVGElement;
    copy.querySelectorAll(POINTER_MARKS).forEach((mark) => mark.remove());
    return serializer.serializeToString(copy);
  });
  const { width, height } = box;
  // Plotly paints the figure's background as the first layer's CSS background, which an SVG
  // nested in another does not draw: a rectangle of that colour does.
  const background = getComputedStyle(layers[0]).backgroundColor;
  const svg =
    `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${background}"/>${copies.join('')}</svg>`;
  const areaBox = area.getBoundingClientRect();
  return { top: box.top - areaBox.top, left: box.left - areaBox.left, width, height, svg };
}

/**
 * The picture as a PNG at the screen's pixel density (at most 2): an SVG image is parsed and
 * painted on the page's main thread each time it is shown (a few hundred milliseconds for a large
 * figure, just when the page is busiest), a PNG is decoded off it.
 */
export async function rasterize(picture: FigurePicture): Promise<Blob> {
  const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the figure could not be made a PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
