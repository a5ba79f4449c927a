/**
 * Pictures of a notebook's figures as the learner last saw them. On a second visit the figures
 * are computed again (the kernel starts, the cells run, Plotly loads and draws), which takes a
 * second or two; meanwhile each figure's picture from the last visit stands in its place, as
 * Jupyter shows a notebook's saved outputs. A cell's pictures are used only if they were drawn
 * from what it will run now: the same code up to it, the same control values, the same theme and
 * the same width (its stamp, made by the notebook); otherwise the cell waits as before.
 *
 * Pictures are taken once a cell's figures have been still for a moment (LastPictures.tsx), as
 * PNGs, and kept in their own store (picture-db.ts).
 */
import { createSignal } from 'solid-js';
import { pictureDb, type CellPictures, type PictureRecord } from '../../store/index.ts';
import { rasterize, type FigurePicture } from '../output/figure-picture.ts';

/** Only the notebooks opened most recently keep their pictures (0.2–1 MB of PNGs each). */
const KEEP_NOTEBOOKS = 12;
/** Writes are gathered: several cells' pictures are taken one after another. */
const WRITE_DELAY_MS = 1000;

/** A picture ready to show: its place in the cell's output area and an object URL of its PNG. */
export interface ShownPicture {
  top: number;
  left: number;
  width: number;
  height: number;
  url: string;
}

export interface LastPictures {
  /** The cell's pictures from the last visit, if drawn from what it runs now at this output width; [] otherwise or until they are read. Reactive. */
  of(cellId: string, areaWidth: number): ShownPicture[];
  /** Keeps what the cell's figures look like now, for the next visit. */
  keep(cellId: string, areaWidth: number, pictures: FigurePicture[]): void;
  dispose(): void;
}

/** `stampOf(cellId)` fingerprints what a cell's figures are drawn from (see above). */
export function createLastPictures(notebookKey: string, stampOf: (cellId: string) => string): LastPictures {
  const [shown, setShown] = createSignal<Map<string, CellPictures & { urls: string[] }>>();
  const urls: string[] = [];
  let disposed = false;
  // Read at once: the pictures are wanted as soon as the prose is on screen.
  const stored: Promise<PictureRecord> = pictureDb()
    .then((db) => db?.get(notebookKey))
    .catch(() => undefined)
    .then((record) => record ?? { key: notebookKey, savedAt: 0, cells: {} });
  void stored.then((record) => {
    if (disposed) return;
    const ready = new Map<string, CellPictures & { urls: string[] }>();
    for (const [cellId, cell] of Object.entries(record.cells)) {
      const cellUrls = cell.pictures.map((picture) => URL.createObjectURL(picture.png));
      urls.push(...cellUrls);
      ready.set(cellId, { ...cell, urls: cellUrls });
    }
    setShown(ready);
  });

  // Each change starts from the one before it (they finish in order); written a moment later.
  let latest = stored;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    void Promise.all([pictureDb(), latest])
      .then(([db, record]) => db?.put({ ...record, savedAt: Date.now() }, KEEP_NOTEBOOKS))
      .catch(() => undefined); // a full or refused storage only costs the pictures
  };

  return {
    of(cellId, areaWidth) {
      const cell = shown()?.get(cellId);
      if (!cell || Math.abs(cell.width - areaWidth) > 1 || cell.stamp !== stampOf(cellId)) return [];
      return cell.pictures.map(({ top, left, width, height }, i) => ({ top, left, width, height, url: cell.urls[i] }));
    },
    keep(cellId, areaWidth, pictures) {
      const stamp = stampOf(cellId);
      latest = latest.then(async (record) => {
        try {
          const pngs = await Promise.all(pictures.map(rasterize));
          const kept = { stamp, width: areaWidth, pictures: pictures.map(({ top, left, width, height }, i) => ({ top, left, width, height, png: pngs[i] })) };
          if (timer === undefined) timer = setTimeout(write, WRITE_DELAY_MS);
          return { ...record, cells: { ...record.cells, [cellId]: kept } };
        } catch {
          return record; // a figure this browser cannot paint on a canvas: no pictures for the cell
        }
      });
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
      urls.forEach((url) => URL.revokeObjectURL(url));
    },
  };
}
