/**
 * Pictures of a notebook's figures as they last looked (last-pictures.ts draws them while the
 * figures are computed again on the next visit). Disposable, so they live in an IndexedDB database
 * of their own, apart from the notebooks, and only for the notebooks opened most recently: they
 * must never take the room a learner's edits need.
 */

/** One figure's picture: where it sat in its cell's output area, and a PNG of it. */
export interface StoredPicture {
  top: number;
  left: number;
  width: number;
  height: number;
  png: Blob;
}

/** A cell's pictures, with what they were drawn from (a fingerprint) and the output area's width. */
export interface CellPictures {
  stamp: string;
  width: number;
  pictures: StoredPicture[];
}

export interface PictureRecord {
  /** The notebook's storage key. */
  key: string;
  /** When the record was last written (Date.now()), for keeping only the most recent. */
  savedAt: number;
  cells: Record<string, CellPictures>;
}

export interface PictureDb {
  get(key: string): Promise<PictureRecord | undefined>;
  /** Writes the record, then drops the oldest records beyond `keep`. */
  put(record: PictureRecord, keep: number): Promise<void>;
  delete(key: string): Promise<void>;
}

import { transaction } from './idb-transaction.ts';

const DB_NAME = 'stepwise-pictures';
const STORE = 'pictures';

let opened: Promise<PictureDb | undefined> | undefined;

/** The picture store, opened on first use; undefined where the browser refuses IndexedDB (no pictures then). */
export function pictureDb(): Promise<PictureDb | undefined> {
  opened ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => resolve(wrap(request.result));
      request.onerror = () => resolve(undefined);
      request.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
  return opened;
}

function wrap(db: IDBDatabase): PictureDb {
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T> | void) => transaction(db, STORE, mode, act);
  return {
    get: (key) => run<PictureRecord>('readonly', (store) => store.get(key)),
    put: async (record, keep) => {
      await run('readwrite', (store) => void store.put(record));
      // Read back without the pictures' bytes: a record's blobs are references until read.
      const all = (await run<PictureRecord[]>('readonly', (store) => store.getAll())) ?? [];
      const stale = all.sort((a, b) => b.savedAt - a.savedAt).slice(keep);
      if (stale.length > 0) await run('readwrite', (store) => stale.forEach((old) => store.delete(old.key)));
    },
    delete: async (key) => {
      await run('readwrite', (store) => void store.delete(key));
    },
  };
}
