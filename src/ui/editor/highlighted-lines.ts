/**
 * Highlighted HTML (highlight.js: `<span class="…">`, `</span>` and escaped text) cut into one
 * piece per source line, each with its spans closed at its end and reopened on the next line,
 * so that a token spanning lines (a template literal, a block comment) keeps its colour.
 * The static code shows each line as its own block: it wraps, and an error line is marked
 * wherever the lines before it wrapped.
 */
export function highlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  for (const [piece] of html.matchAll(/<span[^>]*>|<\/span>|\n|[^<\n]+/g)) {
    if (piece === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else {
      if (piece === '</span>') open.pop();
      else if (piece.startsWith('<span')) open.push(piece);
      line += piece;
    }
  }
  lines.push(line + '</span>'.repeat(open.length));
  return lines;
}
