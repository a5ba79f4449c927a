import { parse, type Program } from 'acorn';
import type { CellError } from '../kernel/cell-contract.ts';

/**
 * Parses a cell's JavaScript as a module body, so top-level `await` and `import` are allowed.
 * Ranges are on because eslint-scope needs them.
 */
export function parseCell(code: string): { program: Program } | { error: CellError } {
  try {
    const program = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      ranges: true,
      locations: true,
      allowAwaitOutsideFunction: true,
    });
    return { program };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    return {
      error: { kind: 'syntax', message: `SyntaxError: ${message}`, line: loc?.line, column: loc ? loc.column + 1 : undefined },
    };
  }
}
