/**
 * Text being edited but not applied yet (a prose block's open Markdown box). The notebook applies
 * these drafts when the page hides, before its last save, so leaving the page never loses them.
 */
const drafts = new Set<() => void>();

/** Registers how to apply a draft; returns the function that unregisters it. */
export function keepDraft(apply: () => void): () => void {
  drafts.add(apply);
  return () => drafts.delete(apply);
}

export function applyDrafts(): void {
  for (const apply of drafts) apply();
}
