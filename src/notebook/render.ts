import { openingFence, safeFenceLength } from './fences.ts';
import { splitLines, userLines } from './lines.ts';

/** What a code cell's bytes are rebuilt from. */
export interface CellText {
  source: string;
  options: string[];
}

/**
 * The bytes of a code cell after an edit. With `previous` (the cell's current bytes) the fence
 * character, indentation, line endings and, unless `rewriteInfo`, the opening line are kept;
 * the fence only grows when the new code contains a line that would otherwise close it.
 */
export function renderCell(cell: CellText, previous: string | undefined, rewriteInfo: boolean, eol: string): string {
  const old = previous === undefined ? undefined : splitLines(previous);
  const open = old?.[0];
  const close = old?.[old.length - 1];
  const fence = (open && openingFence(open.text)) || { indent: 0, char: '`' as const, length: 3 };
  const lineEnd = open?.eol || eol;
  const indent = ' '.repeat(fence.indent);

  // A fenced block strips its opening indentation from each line, so writing puts it back.
  const body = cell.source === '' ? [] : userLines(cell.source).map((line) => (line === '' ? '' : indent + line));
  const length = safeFenceLength(body, fence.char, fence.length);
  const run = fence.char.repeat(length);
  const keepOpen = open !== undefined && !rewriteInfo && length === fence.length;
  const openText = keepOpen ? open.text : `${indent}${run}${['ts', ...cell.options].join(' ')}`;
  const closeText = close !== undefined && close !== open && length === fence.length ? close.text : `${indent}${run}`;
  const closeEnd = close?.eol || eol;
  return [openText, ...body].map((line) => line + lineEnd).join('') + closeText + closeEnd;
}

/** The bytes of a prose block holding `text` (empty text writes nothing). */
export function renderProse(text: string, previous: string | undefined, eol: string): string {
  if (text === '') return '';
  const lineEnd = (previous !== undefined && splitLines(previous)[0]?.eol) || eol;
  return userLines(text)
    .map((line) => line + lineEnd)
    .join('');
}
