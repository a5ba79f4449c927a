import { firstComment } from './first-comment.ts';

/**
 * The one line a folded cell shows: its first comment ("// Fit the model" → "Fit the model"),
 * else its first line of code, shortened; with the number of lines.
 */
export function hiddenSummary(source: string): string {
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return 'Hidden cell (empty)';
  const first = firstComment(source) ?? lines[0].trim();
  const shown = first.length > 72 ? `${first.slice(0, 71)}…` : first;
  return `${shown} (${lines.length} line${lines.length === 1 ? '' : 's'} hidden)`;
}
