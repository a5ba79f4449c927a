/**
 * Tells whether a run's cells are a site notebook's code exactly as shipped. Such a run needs no
 * type check in the browser: every shipped notebook is type-checked clean by the test suite
 * (tests/notebooks/type-check-every-notebook.test.ts), and skipping it spares a learner's first
 * visit the type-check worker (TypeScript, several MB) and seconds of CPU.
 */
import { parseNotebook } from '../../notebook/parse.ts';
import type { CellSource } from '../../kernel/types.ts';
import type { LoadedNotebook } from './load-notebook.ts';

export function shippedSourcesCheck(loaded: LoadedNotebook): (cells: CellSource[]) => boolean {
  if (loaded.origin !== 'repo') return () => false;
  let shipped: string | undefined;
  const key = (sources: string[]) => JSON.stringify([...sources].sort());
  return (cells) => {
    shipped ??= key(
      parseNotebook(loaded.originalText, 'original.md')
        .blocks.flatMap((block) => (block.kind === 'code' ? [block.source] : [])),
    );
    return key(cells.map((cell) => cell.source)) === shipped;
  };
}
