/**
 * The browser's store of saved notebooks: IndexedDB when the browser allows it, a Map in memory
 * otherwise (so editing keeps working; the page reports the problem). Records: saved-notebook.ts.
 */
import type { SavedNotebook } from './saved-notebook.ts';
import { transaction } from './idb-transaction.ts';

export interface NotebookDb {
  get(key: string): Promise<SavedNotebook | undefined>;
  put(record: SavedNotebook): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every record whose key starts with `prefix` (`local:` lists the notebooks opened from a file or link). */
  list(prefix: string): Promise<SavedNotebook[]>;
  /** Lasts only as long as the page: IndexedDB could not be opened. */
  readonly inMemory: boolean;
}

const DB_NAME = 'stepwise';
const STORE = 'notebooks';

/** Opens (creating on first use) the IndexedDB database; rejects if the browser refuses. */
export function openIndexedDb(name = DB_NAME): Promise<NotebookDb> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(Object.assign(new Error('IndexedDB is not available in this browser'), { name: 'NotSupportedError' }));
      return;
    }
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(Object.assign(new Error('another tab holds an old version of the database open'), { name: 'BlockedError' }));
    request.onsuccess = () => resolve(wrap(request.result));
  });
}

function wrap(db: IDBDatabase): NotebookDb {
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) => transaction(db, STORE, mode, act) as Promise<T>;
  return {
    inMemory: false,
    get: (key) => run<SavedNotebook | undefined>('readonly', (store) => store.get(key)),
    put: async (record) => {
      await run('readwrite', (store) => store.put(record));
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete(key));
    },
    // Keys are strings, so those with the prefix are the range from it to it followed by the highest code unit.
    list: (prefix) => run<SavedNotebook[]>('readonly', (store) => store.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`))),
  };
}

/** A store that lives in this page only. */
export function memoryDb(): NotebookDb {
  const records = new Map<string, SavedNotebook>();
  return {
    inMemory: true,
    get: async (key) => records.get(key),
    put: async (record) => void records.set(record.key, { ...record }),
    delete: async (key) => void records.delete(key),
    list: async (prefix) => [...records.values()].filter((record) => record.key.startsWith(prefix)).map((record) => ({ ...record })),
  };
}
