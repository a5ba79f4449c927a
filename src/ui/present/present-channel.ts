/**
 * The presenter's window and the audience's follow each other through a BroadcastChannel (both
 * are windows of the same browser and site): which slide, the black screen, code shown, answers
 * revealed, and every control moved, cell edited or run. Cells are named by their position among
 * the notebook's code cells, which both windows agree on (block ids are made per page load).
 * A message is applied without being sent on, so the two windows never echo each other.
 */
import type { ControlValue } from '../../kernel/types.ts';

export type PresentMessage =
  | { kind: 'slide'; index: number }
  | { kind: 'black'; on: boolean }
  | { kind: 'code'; shown: boolean }
  | { kind: 'reveal' }
  | { kind: 'control'; cell: number; name: string; value: ControlValue }
  | { kind: 'source'; cell: number; source: string }
  | { kind: 'run'; cell: number };

export interface PresentChannel {
  send(message: PresentMessage): void;
  /** Calls `receive` with every message another window sends; returns how to stop. */
  listen(receive: (message: PresentMessage) => void): () => void;
  close(): void;
}

export function openPresentChannel(notebookKey: string): PresentChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(`stepwise-present:${notebookKey}`);
  const listeners = new Set<(message: PresentMessage) => void>();
  channel.onmessage = (event: MessageEvent<PresentMessage>) => {
    for (const receive of listeners) receive(event.data);
  };
  return {
    send: (message) => channel.postMessage(message),
    listen(receive) {
      listeners.add(receive);
      return () => listeners.delete(receive);
    },
    close: () => channel.close(),
  };
}
