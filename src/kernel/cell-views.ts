import type { CellView, Output } from './types.ts';

/**
 * What every cell shows, kept as immutable snapshots: each change makes a new CellView and tells
 * the listeners, so the UI can compare by reference.
 */
export class CellViews {
  private readonly views = new Map<string, CellView>();
  private readonly listeners = new Set<(cellId: string, view: CellView) => void>();

  get(cellId: string): CellView | undefined {
    return this.views.get(cellId);
  }

  ensure(cellId: string, reads: string[], declares: string[]): void {
    const view = this.views.get(cellId);
    if (!view) this.set(cellId, { state: 'idle', outputs: [], reads, declares });
    else if (view.reads.join() !== reads.join() || view.declares.join() !== declares.join()) {
      this.update(cellId, { reads, declares });
    }
  }

  update(cellId: string, patch: Partial<CellView>): void {
    const view = this.views.get(cellId);
    if (view) this.set(cellId, { ...view, ...patch });
  }

  /**
   * Replaces the output with the same id, or appends it. The runtime bounds how many outputs a
   * run shows (runtime/output-bounds.ts), so copying the list stays cheap; the output updated is
   * most often the last (a growing log), so that one is checked first.
   */
  putOutput(cellId: string, output: Output): void {
    const view = this.views.get(cellId);
    if (!view) return;
    const last = view.outputs.length - 1;
    const index = view.outputs[last]?.id === output.id ? last : view.outputs.findIndex((o) => o.id === output.id);
    const outputs = index < 0 ? [...view.outputs, output] : view.outputs.map((o, i) => (i === index ? output : o));
    this.set(cellId, { ...view, outputs });
  }

  delete(cellId: string): void {
    this.views.delete(cellId);
  }

  ids(): string[] {
    return [...this.views.keys()];
  }

  subscribe(listener: (cellId: string, view: CellView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(cellId: string, view: CellView): void {
    this.views.set(cellId, view);
    for (const listener of this.listeners) listener(cellId, view);
  }
}
