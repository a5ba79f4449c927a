import type { Output } from '../kernel/types.ts';
import type { RunReport } from '../kernel/node/run-notebook.ts';

/** The readable form of a run: one block per cell, outputs indented under it. */
export function formatReport(file: string, report: RunReport): string {
  const lines: string[] = [file];
  for (const cell of report.cells) {
    const mark = cell.status === 'ok' ? '✓' : '✗';
    lines.push(`  cell ${cell.index + 1} (line ${cell.fileLine}) ${mark} ${cell.durationMs} ms`);
    for (const output of cell.outputs) lines.push(...describeOutput(output).map((l) => `    ${l}`));
    for (const warning of cell.warnings ?? []) {
      lines.push(...`warning: line ${warning.line}, column ${warning.column}: ${warning.message} (TS${warning.code})`.split('\n').map((l) => `    ${l}`));
    }
    if (cell.error) {
      const where = cell.error.line !== undefined ? `line ${cell.error.line}${cell.error.column !== undefined ? `, column ${cell.error.column}` : ''}: ` : '';
      lines.push(`    error: ${where}${cell.error.message}`);
    }
  }
  const failed = report.cells.filter((c) => c.status === 'error').length;
  const warnings = report.cells.reduce((sum, c) => sum + (c.warnings?.length ?? 0), 0);
  const warned = warnings > 0 ? `, ${warnings} type warning${warnings === 1 ? '' : 's'}` : '';
  lines.push(`${report.cells.length} cells: ${report.cells.length - failed} ok, ${failed} failed${warned}`);
  return lines.join('\n');
}

function describeOutput(output: Output): string[] {
  switch (output.kind) {
    case 'text':
      return output.text.split('\n');
    case 'markdown':
      return output.markdown.split('\n').map((l) => `| ${l}`);
    case 'log':
      return output.text.split('\n').map((l, i) => (i === 0 ? `[${output.level}] ${l}` : `  ${l}`));
    case 'table':
      return [`table ${output.totalRows} rows × ${output.columns.length} columns (${output.columns.slice(0, 6).join(', ')}${output.columns.length > 6 ? ', …' : ''})`];
    case 'figure': {
      const title = output.figure.layout.title;
      const text = typeof title === 'string' ? title : title?.text;
      const n = output.figure.data.length;
      return [`figure${text ? ` "${text}"` : ''} (${n} trace${n === 1 ? '' : 's'})`];
    }
    case 'control':
      return [`control ${output.name} = ${JSON.stringify(output.value)} (${output.control.type})`];
    case 'progress':
      return [`progress ${output.label}: ${output.value}/${output.max}`];
  }
}
