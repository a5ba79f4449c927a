import { transform } from 'sucrase';
import type { CellError } from '../kernel/cell-contract.ts';

/**
 * TypeScript → JavaScript by stripping types. Sucrase keeps every line where it was (types are
 * blanked, not reflowed), so a line number in the JavaScript is the line in the learner's cell.
 * TypeScript's own emit shifts lines; that is why it is not used here.
 */
export function transpile(source: string): { code: string } | { error: CellError } {
  try {
    const { code } = transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true });
    return { code };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    return {
      error: {
        kind: 'syntax',
        message: `SyntaxError: ${message}`,
        line: loc?.line,
        column: loc ? loc.column + 1 : undefined,
      },
    };
  }
}
