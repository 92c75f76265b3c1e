/**
 * One IndexedDB object store as four promises: put, get, every record, delete. Each call opens the
 * database, runs one transaction and closes it again, so nothing is held between calls. Reads that
 * fail (private browsing, storage turned off) come back empty; writes report why.
 */
export interface IdbStore<T, K extends IDBValidKey> {
  put(rec: T): Promise<unknown>;
  get(key: K): Promise<T | null>;
  all(): Promise<T[]>;
  delete(key: K): Promise<unknown>;
}

export function idbStore<T, K extends IDBValidKey>(db: string, store: string, keyPath: string): IdbStore<T, K> {
  const open = () =>
    new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open(db, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(store, { keyPath });
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('IndexedDB is not available'));
    });
  const tx = async <R>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> => {
    const d = await open();
    try {
      return await new Promise<R>((ok, fail) => {
        const t = d.transaction(store, mode);
        const req = fn(t.objectStore(store));
        t.oncomplete = () => ok(req.result);
        t.onerror = () => fail(t.error ?? new Error('IndexedDB write failed'));
        t.onabort = () => fail(t.error ?? new Error('IndexedDB write aborted'));
      });
    } finally {
      d.close();
    }
  };
  return {
    put: (rec) => tx('readwrite', (s) => s.put(rec)),
    get: (key) =>
      tx('readonly', (s) => s.get(key)).then(
        (r) => (r as T | undefined) ?? null,
        () => null,
      ),
    all: () =>
      tx('readonly', (s) => s.getAll()).then(
        (r) => (r as T[]) ?? [],
        () => [],
      ),
    delete: (key) => tx('readwrite', (s) => s.delete(key)).catch(() => undefined),
  };
}
