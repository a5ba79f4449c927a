/**
 * One Monaco model per code cell (file:///cells/<id>.ts), kept in step with the notebook. All
 * cells are in the TypeScript program together, so a name one cell declares is known in the
 * others, as in the kernel. Editors mount lazily; models are cheap and exist for every cell.
 */
import { createEffect, createRoot } from 'solid-js';
import type { CellSource } from '../../kernel/types.ts';
import { monacoIfLoaded, type Monaco } from './load-monaco.ts';

type Model = ReturnType<Monaco['editor']['createModel']>;

const models = new Map<string, Model>();
let latest: CellSource[] = [];

const uriOf = (monaco: Monaco, cellId: string) => monaco.Uri.parse(`file:///cells/${cellId}.ts`);

/** The model of a cell, created with `source` if it does not exist yet. */
export function cellModel(monaco: Monaco, cellId: string, source: string): Model {
  let model = models.get(cellId);
  if (!model || model.isDisposed()) {
    model = monaco.editor.getModel(uriOf(monaco, cellId)) ?? monaco.editor.createModel(source, 'typescript', uriOf(monaco, cellId));
    models.set(cellId, model);
  }
  return model;
}

/** Keeps a model per cell with the cell's source; models of deleted cells are disposed. */
export function syncCellModels(cells: CellSource[]): void {
  latest = cells;
  const monaco = monacoIfLoaded();
  if (!monaco) return;
  const ids = new Set(cells.map((cell) => cell.id));
  for (const [id, model] of models) {
    if (!ids.has(id)) {
      model.dispose();
      models.delete(id);
    }
  }
  for (const cell of cells) {
    const model = cellModel(monaco, cell.id, cell.source);
    if (model.getValue() !== cell.source) model.setValue(cell.source);
  }
}

/** Drops every model (the notebook closed). */
export function disposeCellModels(): void {
  for (const model of models.values()) model.dispose();
  models.clear();
  latest = [];
}

// When Monaco arrives, create the models of the notebook already open.
createRoot(() => {
  createEffect(() => {
    if (monacoIfLoaded()) syncCellModels(latest);
  });
});
