/**
 * Scenarios the user opened ("Open your own…"), kept in IndexedDB under an id so the address
 * ?scenario=own:ID survives a reload: the scenario's text and the data files it reads.
 */
import type { OwnFiles } from '../../worker/own-scenarios';

export interface OwnRecord {
  readonly id: string;
  readonly title: string;
  /** The file(s) it was opened from, for the list ("levenshulme.osm"). */
  readonly from: string;
  readonly text: string;
  readonly files: OwnFiles;
  readonly savedAt: string;
}

export const OWN_PREFIX = 'own:';
const DB = 'citytwin-own';
const STORE = 'scenarios';

function open(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB is not available'));
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((ok, fail) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      t.oncomplete = () => ok(req.result);
      t.onerror = () => fail(t.error ?? new Error('IndexedDB write failed'));
      t.onabort = () => fail(t.error ?? new Error('IndexedDB write aborted'));
    });
  } finally {
    db.close();
  }
}

export function saveOwn(rec: OwnRecord): Promise<unknown> {
  return tx('readwrite', (s) => s.put(rec));
}

export async function loadOwn(id: string): Promise<OwnRecord | null> {
  try {
    return ((await tx('readonly', (s) => s.get(id))) as OwnRecord | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Every kept scenario, newest first. */
export async function listOwn(): Promise<OwnRecord[]> {
  try {
    const all = ((await tx('readonly', (s) => s.getAll())) as OwnRecord[]) ?? [];
    return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  } catch {
    return [];
  }
}

export function deleteOwn(id: string): Promise<unknown> {
  return tx('readwrite', (s) => s.delete(id)).catch(() => undefined);
}
