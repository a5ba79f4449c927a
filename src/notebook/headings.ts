import { closesFence, openingFence, type Fence } from './fences.ts';
import type { Notebook } from './types.ts';

/** One heading of the table of contents. */
export interface Heading {
  level: number;
  /** The heading's Markdown as written (inline code, emphasis and math left in). */
  text: string;
  /** A unique id for the heading, from headingAnchor (repeats get -1, -2, …). */
  anchor: string;
}

/** The headings of the prose blocks, in order, for a table of contents (not those inside fences). */
export function headings(nb: Notebook): Heading[] {
  const used = new Map<string, number>();
  const found: Heading[] = [];
  for (const block of nb.blocks) {
    if (block.kind !== 'prose') continue;
    for (const { level, text } of proseHeadings(block.text)) {
      const base = headingAnchor(text);
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      found.push({ level, text, anchor: seen === 0 ? base : `${base}-${seen}` });
    }
  }
  return found;
}

/** GitHub-style anchor of a heading: lower case, punctuation dropped, spaces to '-'. */
export function headingAnchor(text: string): string {
  const anchor = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // a link counts by its label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-'); // one '-' per space, as GitHub does
  return anchor === '' ? 'section' : anchor;
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const INDENTED_CODE = /^( {4}|\t)/;
const LIST_OR_QUOTE = /^ {0,3}([-*+]|\d{1,9}[.)]|>)([ \t]|$)/;

/** ATX (`## Title`) and setext (Title over ===/---) headings of Markdown, skipping fenced code. */
function proseHeadings(markdown: string): { level: number; text: string }[] {
  const found: { level: number; text: string }[] = [];
  let fence: Fence | null = null;
  // The paragraph lines seen so far: a setext underline turns them into a heading.
  let paragraph: string[] = [];
  for (const line of markdown.split('\n')) {
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = openingFence(line);
    const atx = ATX.exec(line);
    const underline = SETEXT_UNDERLINE.exec(line);
    if (atx && fence === null) {
      // A closing run of #s ("## Two ##") is not part of the text.
      found.push({ level: atx[1].length, text: atx[2].replace(/(^|[ \t]+)#+[ \t]*$/, '').trim() });
      paragraph = [];
    } else if (underline && fence === null && paragraph.length > 0) {
      found.push({ level: underline[1][0] === '=' ? 1 : 2, text: paragraph.map((part) => part.trim()).join(' ') });
      paragraph = [];
    } else if (INDENTED_CODE.test(line) && paragraph.length > 0) {
      paragraph.push(line); // an indented line continues a paragraph
    } else if (fence !== null || line.trim() === '' || [THEMATIC_BREAK, INDENTED_CODE, LIST_OR_QUOTE].some((re) => re.test(line))) {
      paragraph = [];
    } else {
      paragraph.push(line);
    }
  }
  return found;
}
