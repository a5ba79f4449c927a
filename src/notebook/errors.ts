/**
 * A notebook file that cannot be read, with where and why:
 * `message` reads "k-means.md:12: unterminated ```ts fence opened here; close it with ```".
 */
export class NotebookFormatError extends Error {
  override name = 'NotebookFormatError';
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  /** The problem alone, without the "file:line:" prefix. */
  readonly problem: string;

  constructor(file: string, line: number, problem: string, column?: number) {
    const where = column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
    super(`${where}: ${problem}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }
}
