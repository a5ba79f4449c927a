/**
 * The type-check worker: Monaco's TypeScript 5 with the cell declarations and the worker libs,
 * checking a notebook's cells off the page's thread. Started by the page after cells have run.
 */
import { typescript } from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js';
import cellTypes from 'virtual:stepwise-cell-types';
import cellLibs from 'virtual:stepwise-cell-libs';
import { CellTypeChecker } from './cell-type-checker.ts';
import type { TypeCheckReply, TypeCheckRequest } from './type-check-protocol.ts';

const checker = new CellTypeChecker(typescript, { ...cellLibs, ...cellTypes });
const reply = (message: TypeCheckReply) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<TypeCheckRequest>) => {
  const { id, cells } = event.data;
  try {
    reply({ id, warnings: checker.check(cells) });
  } catch (error) {
    reply({ id, failed: error instanceof Error ? error.message : String(error) });
  }
});
