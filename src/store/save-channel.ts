/**
 * Tells the other tabs of this browser that a notebook was saved, so that two tabs on one
 * notebook never overwrite each other's edits silently (notebook-doc.ts decides what to do).
 */
export interface SaveChannel {
  /** Announces that `text` is now the saved copy of `key`. */
  announce(key: string, text: string): void;
  /** Calls `listener` when another tab saves a notebook. */
  onSave(listener: (key: string, text: string) => void): void;
  close(): void;
}

const NAME = 'stepwise-saves';

interface SavedMessage {
  key: string;
  text: string;
}

const isSavedMessage = (data: unknown): data is SavedMessage =>
  typeof data === 'object' && data !== null && typeof (data as SavedMessage).key === 'string' && typeof (data as SavedMessage).text === 'string';

/** A channel between this tab's notebook and the other tabs (nothing where BroadcastChannel is missing). */
export function openSaveChannel(): SaveChannel {
  if (typeof BroadcastChannel === 'undefined') return { announce() {}, onSave() {}, close() {} };
  const channel = new BroadcastChannel(NAME);
  return {
    announce: (key, text) => channel.postMessage({ key, text } satisfies SavedMessage),
    onSave(listener) {
      channel.addEventListener('message', (event) => {
        if (isSavedMessage(event.data)) listener(event.data.key, event.data.text);
      });
    },
    close: () => channel.close(),
  };
}
