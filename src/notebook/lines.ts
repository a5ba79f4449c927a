/** One line of a file: its text and the line ending that followed it ('' only for an unterminated last line). */
export interface Line {
  text: string;
  eol: '' | '\n' | '\r\n';
}

/** Split text into lines, keeping each line's own ending so the text can be rebuilt exactly. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ text: text.slice(start), eol: '' });
      break;
    }
    const crlf = newline > start && text[newline - 1] === '\r';
    lines.push({ text: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}

/** Rebuild the exact text of some lines. */
export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** How many line endings the text contains (= how many lines it moves the cursor down). */
export function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** A line is blank when it holds only spaces and tabs (Markdown treats it as a separator). */
export function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/** Split text the user typed (any line endings) into plain lines. */
export function userLines(text: string): string[] {
  return text.split(/\r?\n/);
}
