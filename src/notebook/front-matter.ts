import { parseDocument } from 'yaml';
import { NotebookFormatError } from './errors.ts';
import { joinLines, type Line } from './lines.ts';
import { checkMeta } from './meta.ts';
import type { NotebookMeta } from './types.ts';

/** The front matter found at the top of a file. */
export interface FrontMatter {
  /** Its exact text, opening and closing lines included. */
  raw: string;
  meta: NotebookMeta;
  /** Index of the first line after it. */
  end: number;
}

const DELIMITER = /^---[ \t]*$/;
const CLOSER = /^(---|\.\.\.)[ \t]*$/;

/** Read the YAML front matter between a first `---` line and the next `---` (or `...`) line. */
export function readFrontMatter(lines: readonly Line[], file: string): FrontMatter {
  if (!DELIMITER.test(lines[0].text)) {
    throw new NotebookFormatError(
      file,
      1,
      "missing front matter: a notebook starts with a '---' line, then YAML with at least 'title:', then '---'",
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSER.test(line.text));
  if (close === -1) {
    throw new NotebookFormatError(file, 1, "front matter opened here is never closed; add a '---' line after the YAML");
  }
  const yaml = joinLines(lines.slice(1, close));
  // The YAML starts on the file's line 2, so YAML line n is file line n + 1.
  const document = parseDocument(yaml);
  const error = document.errors[0];
  if (error) {
    const [position] = error.linePos ?? [{ line: 1, col: 1 }];
    const problem = `bad YAML in front matter: ${yamlProblem(error.message)}`;
    throw new NotebookFormatError(file, position.line + 1, problem, position.col);
  }
  const meta = checkMeta(document, yaml, file);
  return { raw: joinLines(lines.slice(0, close + 1)), meta, end: close + 1 };
}

/** YAML's message without its own "at line L, column C:" and code excerpt (we give the file's line instead). */
function yamlProblem(message: string): string {
  const match = /^([\s\S]*?) at line \d+, column \d+:/.exec(message);
  return match ? match[1] : message.split('\n')[0];
}
