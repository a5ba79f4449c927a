/** What the kernel session tests share: cells from sources, run starts, and a cell's shown text. */
import type { Session } from '../../src/kernel/session.ts';
import type { CellView } from '../../src/kernel/types.ts';

export const cells = (...sources: string[]) => sources.map((source, i) => ({ id: `c${i}`, source }));

/** Records each cell id every time that cell starts a run. */
export function recordRunStarts(s: Session): string[] {
  const starts: string[] = [];
  const last = new Map<string, number | undefined>();
  s.onCellChange((id, view) => {
    if (view.state === 'running' && last.get(id) !== view.startedAt) starts.push(id);
    last.set(id, view.startedAt);
  });
  return starts;
}

export const texts = (view: CellView | undefined) => (view?.outputs ?? []).filter((o) => o.kind === 'text').map((o) => (o as { text: string }).text);
export const logs = (view: CellView | undefined) => (view?.outputs ?? []).filter((o) => o.kind === 'log').map((o) => (o as { text: string }).text);
