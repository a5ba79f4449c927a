/**
 * A notebook cut into slides for present mode. A slide starts at every `##` or `###` heading and
 * at a line `<!-- slide -->` (the author's split marker, invisible in the notebook and on GitHub);
 * the prose before the first of them (title and introduction) is the first slide. Code cells stay
 * on the slide of the prose above them. Speaker notes (`::: notes` … `:::`) are taken out of a
 * slide's prose into its notes: the presenter sees them, the audience never does.
 */
import type { Block } from '../../notebook/index.ts';

/** A piece of a slide: part of a prose block's text, or a code cell (by block id). */
export type SlidePiece = { kind: 'prose'; blockId: string; text: string } | { kind: 'cell'; blockId: string };

export interface Slide {
  pieces: SlidePiece[];
  /** Speaker notes (Markdown), in the order written. */
  notes: string[];
  /** The slide's heading text, or '' when it starts without one. */
  title: string;
  /** Which `##`/`###` heading of the notebook (0-based, in order) starts the slide, if one does. */
  heading?: number;
}

/** The author's split marker: a line of its own. */
export const SLIDE_MARKER = /^\s{0,3}<!--\s*slide\s*-->\s*$/;
const SLIDE_HEADING = /^\s{0,3}#{2,3}\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const NOTES_OPEN = /^\s*:::\s*notes\s*$/;
const CONTAINER_CLOSE = /^\s*:::\s*$/;
const CONTAINER_OPEN = /^\s*:::\s*\S/;

export function slidesOf(blocks: readonly Block[]): Slide[] {
  const slides: Slide[] = [{ pieces: [], notes: [], title: '' }];
  const current = () => slides[slides.length - 1];
  let headingCount = 0;
  const startSlide = (title: string, heading: number | undefined) => {
    if (isEmpty(current())) Object.assign(current(), { title, heading });
    else slides.push({ pieces: [], notes: [], title, heading });
  };
  for (const block of blocks) {
    if (block.kind === 'code') {
      current().pieces.push({ kind: 'cell', blockId: block.id });
      continue;
    }
    let lines: string[] = [];
    const flush = () => {
      const text = lines.join('\n').trim();
      if (text !== '') current().pieces.push({ kind: 'prose', blockId: block.id, text });
      lines = [];
    };
    let fence: string | undefined;
    let notes: string[] | undefined;
    /** Depth of other `:::` containers (answers) inside the notes, so their `:::` does not end them. */
    let nested = 0;
    for (const line of block.text.split('\n')) {
      if (notes !== undefined) {
        if (CONTAINER_CLOSE.test(line) && nested === 0) {
          current().notes.push(notes.join('\n').trim());
          notes = undefined;
        } else {
          if (CONTAINER_CLOSE.test(line)) nested -= 1;
          else if (CONTAINER_OPEN.test(line)) nested += 1;
          notes.push(line);
        }
        continue;
      }
      const fenceMark = FENCE.exec(line)?.[1];
      if (fence !== undefined) {
        if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
        lines.push(line);
        continue;
      }
      if (fenceMark !== undefined) {
        fence = fenceMark;
        lines.push(line);
        continue;
      }
      if (NOTES_OPEN.test(line)) {
        notes = [];
        continue;
      }
      const heading = SLIDE_HEADING.exec(line);
      if (heading || SLIDE_MARKER.test(line)) {
        flush();
        startSlide(heading?.[1] ?? '', heading ? headingCount++ : undefined);
        if (heading) lines.push(line);
        continue;
      }
      lines.push(line);
    }
    // Notes left open run to the end of their block (markdown-it's container does the same).
    if (notes !== undefined) current().notes.push(notes.join('\n').trim());
    flush();
  }
  return slides.filter((slide, index) => index === 0 || !isEmpty(slide) || slide.notes.length > 0);
}

function isEmpty(slide: Slide): boolean {
  return slide.pieces.length === 0;
}

/** The slide that starts at the notebook's `heading`-th `##`/`###` heading (0 for none, the title slide). */
export function slideOfHeading(slides: readonly Slide[], heading: number | undefined): number {
  if (heading === undefined) return 0;
  let found = 0;
  slides.forEach((slide, index) => {
    if (slide.heading !== undefined && slide.heading <= heading) found = index;
  });
  return found;
}
