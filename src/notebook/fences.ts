/** An opening code fence line, per CommonMark: up to 3 spaces, then ≥3 backticks or tildes, then an info string. */
export interface Fence {
  indent: number;
  char: '`' | '~';
  length: number;
  info: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Read a line as an opening fence, or null if it is not one. */
export function openingFence(text: string): Fence | null {
  const match = OPENING.exec(text);
  if (!match) return null;
  const [, indent, run, rest] = match;
  const char = run[0] as '`' | '~';
  // A backtick fence's info string may not contain backticks (otherwise it is inline code).
  if (char === '`' && rest.includes('`')) return null;
  return { indent: indent.length, char, length: run.length, info: rest.trim() };
}

/** Does this line close the fence? Same character, at least as long, nothing after but spaces. */
export function closesFence(text: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** The words of an info string; a code cell is a fence whose first word is `ts`. */
export function infoWords(info: string): string[] {
  return info.split(/[ \t]+/).filter((word) => word !== '');
}

/** Is this fence a code cell, i.e. does its info string start with the word `ts`? */
export function isCellFence(fence: Fence): boolean {
  return infoWords(fence.info)[0] === 'ts';
}

/** Remove up to `indent` leading spaces, as CommonMark does for the content of an indented fence. */
export function dedent(text: string, indent: number): string {
  let cut = 0;
  while (cut < indent && text[cut] === ' ') cut++;
  return text.slice(cut);
}

/**
 * The shortest fence length ≥ `minimum` that no line of `lines` could close:
 * a cell whose code contains ``` gets a ```` fence, so writing it never ends the cell early.
 */
export function safeFenceLength(lines: readonly string[], char: '`' | '~', minimum: number): number {
  let length = minimum;
  for (const line of lines) {
    const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (match && match[1][0] === char && match[1].length >= length) length = match[1].length + 1;
  }
  return length;
}
