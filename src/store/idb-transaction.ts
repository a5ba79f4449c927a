/**
 * One IndexedDB transaction on one object store, as a promise: `act` makes its request (or none),
 * and the promise settles when the transaction does. It resolves on commit, not on the request's
 * success: only then is a write durable.
 */
export function transaction<T>(db: IDBDatabase, storeName: string, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const running = db.transaction(storeName, mode);
    const request = act(running.objectStore(storeName));
    running.oncomplete = () => resolve(request ? request.result : undefined);
    running.onerror = () => reject(running.error ?? request?.error);
    running.onabort = () => reject(running.error ?? new Error('the browser aborted the storage operation'));
  });
}
