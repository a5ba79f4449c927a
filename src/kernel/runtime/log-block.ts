import { LOG_LINE_LIMIT, TEXT_LIMIT, truncateText } from './output-bounds.ts';

type Level = 'log' | 'info' | 'warn' | 'error' | 'debug';

/**
 * Consecutive console lines of one level in one run, shown as a single log output updated in
 * place. Keeps only the last lines (LOG_LINE_LIMIT, TEXT_LIMIT characters) and counts the rest,
 * so logging a million lines costs constant memory per line and one bounded output.
 */
export class LogBlock {
  private lines: string[] = [];
  /** Index of the oldest kept line in `lines` (dropping from the front without shifting). */
  private start = 0;
  private characters = 0;
  private dropped = 0;

  constructor(
    readonly id: string,
    readonly level: Level,
  ) {}

  add(line: string): void {
    const kept = truncateText(line);
    this.lines.push(kept);
    this.characters += kept.length;
    while (this.lines.length - this.start > 1 && (this.lines.length - this.start > LOG_LINE_LIMIT || this.characters > TEXT_LIMIT)) {
      this.characters -= this.lines[this.start]!.length;
      this.start++;
      this.dropped++;
    }
    // Compact now and then so the array does not keep every dropped line.
    if (this.start > LOG_LINE_LIMIT) {
      this.lines = this.lines.slice(this.start);
      this.start = 0;
    }
  }

  text(): string {
    const kept = this.lines.slice(this.start).join('\n');
    if (this.dropped === 0) return kept;
    return `… ${this.dropped} earlier ${this.dropped === 1 ? 'line' : 'lines'} not shown\n${kept}`;
  }
}
