import { decodeUtf8 } from './decode.ts';
import { NotebookFormatError } from './errors.ts';
import { closesFence, dedent, infoWords, isCellFence, openingFence, type Fence } from './fences.ts';
import { readFrontMatter } from './front-matter.ts';
import { isBlank, joinLines, splitLines, type Line } from './lines.ts';
import type { Block, Notebook } from './types.ts';

/**
 * Parse a notebook file: YAML front matter, then Markdown prose and ```ts code cells.
 * Throws NotebookFormatError (file, line, problem) for anything malformed; never drops a cell.
 */
export function parseNotebook(source: string | Uint8Array, file: string): Notebook {
  let text = typeof source === 'string' ? source : decodeUtf8(source, file);
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  if (text.trim() === '') {
    throw new NotebookFormatError(file, 1, "the file is empty; a notebook starts with '---', 'title: …', '---'");
  }
  const firstEnding = /\r?\n/.exec(text);
  const eol = firstEnding?.[0] === '\r\n' ? '\r\n' : '\n';
  // Every line ends with a line ending in memory; a missing final one is dropped again on write.
  const finalNewline = text.endsWith('\n');
  if (!finalNewline) text += eol;

  const lines = splitLines(text);
  const frontMatter = readFrontMatter(lines, file);
  const counts = { code: 0, prose: 0 };
  const blocks: Block[] = [];
  const raw: Record<string, string> = {};
  const gaps: string[] = [];
  let gap = '';

  const addProse = (start: number, end: number): void => {
    // Blank lines around the prose belong to the gaps between blocks, not to the prose.
    let first = start;
    while (first < end && isBlank(lines[first].text)) first++;
    let last = end;
    while (last > first && isBlank(lines[last - 1].text)) last--;
    gap += joinLines(lines.slice(start, first));
    if (first < last) {
      const id = `p${counts.prose++}`;
      const text = lines.slice(first, last).map((line) => line.text);
      blocks.push({ kind: 'prose', id, text: text.join('\n'), line: first + 1 });
      raw[id] = joinLines(lines.slice(first, last));
      gaps.push(gap);
      gap = '';
    }
    gap += joinLines(lines.slice(last, end));
  };

  const addCode = (start: number, end: number, fence: Fence): void => {
    const id = `c${counts.code++}`;
    const source = lines.slice(start + 1, end - 1).map((line) => dedent(line.text, fence.indent));
    const options = infoWords(fence.info).slice(1);
    blocks.push({ kind: 'code', id, source: source.join('\n'), options, line: start + 1 });
    raw[id] = joinLines(lines.slice(start, end));
    gaps.push(gap);
    gap = '';
  };

  let proseStart = frontMatter.end;
  let i = frontMatter.end;
  while (i < lines.length) {
    const fence = openingFence(lines[i].text);
    if (fence === null) {
      i++;
      continue;
    }
    const close = findClose(lines, i, fence);
    if (close === -1) throw unterminated(file, i + 1, fence);
    if (isCellFence(fence)) {
      addProse(proseStart, i);
      addCode(i, close + 1, fence);
      proseStart = close + 1;
    }
    // A fence that is not `ts` (```python, ```text, ```) stays inside the prose around it.
    i = close + 1;
  }
  addProse(proseStart, lines.length);
  gaps.push(gap);

  return {
    file,
    meta: frontMatter.meta,
    blocks,
    layout: {
      bom,
      frontMatter: frontMatter.raw,
      gaps,
      raw,
      finalNewline,
      eol,
      nextId: Math.max(counts.code, counts.prose),
    },
  };
}

function findClose(lines: readonly Line[], open: number, fence: Fence): number {
  for (let j = open + 1; j < lines.length; j++) if (closesFence(lines[j].text, fence)) return j;
  return -1;
}

/** Strict where CommonMark is lenient: an unclosed fence would swallow every cell after it. */
function unterminated(file: string, line: number, fence: Fence): NotebookFormatError {
  const run = fence.char.repeat(fence.length);
  const language = infoWords(fence.info)[0] ?? '';
  return new NotebookFormatError(file, line, `unterminated ${run}${language} fence opened here; close it with ${run}`);
}
