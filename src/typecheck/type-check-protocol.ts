/** Messages between the page and the type-check worker (plain data). */
import type { CellSource } from '../kernel/types.ts';
import type { TypeWarning } from './cell-type-checker.ts';

/** Check these cells; `id` grows with each request, so a late reply to an older one is dropped. */
export interface TypeCheckRequest {
  id: number;
  cells: CellSource[];
}

export type TypeCheckReply =
  | { id: number; warnings: Record<string, TypeWarning[]> }
  | { id: number; failed: string };
