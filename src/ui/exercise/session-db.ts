/**
 * The autosaved session in IndexedDB: one record for the exercise ("main") and one for rehearsal,
 * each holding the session file's JSON (the format `twin report` reads) with a little metadata.
 * The pure parts (what a record holds, whether it applies to this page) are unit-tested.
 */
/** The exercise, a rehearsal, and a session set aside when a fresh visit was offered it. */
export type SessionSlot = 'main' | 'rehearsal' | 'previous';

export interface SavedSession {
  readonly slot: SessionSlot;
  readonly json: string;
  readonly scenarioName: string;
  readonly untilMs: number;
  readonly commands: number;
  readonly savedAt: string;
}

const DB = 'citytwin';
const STORE = 'sessions';

export function savedRecord(slot: SessionSlot, json: string, untilMs: number, commands: number, savedAt: string): SavedSession {
  let scenarioName = 'default';
  try {
    const s = JSON.parse(json) as { scenario?: { name?: string } };
    if (typeof s.scenario?.name === 'string') scenarioName = s.scenario.name;
  } catch {
    // An unreadable session still saves; restoring it will report why it cannot load.
  }
  return { slot, json, scenarioName, untilMs, commands, savedAt };
}

/** A saved session is restored when it is of the scenario the page asks for and holds something worth restoring. */
export function shouldRestore(rec: SavedSession | null, wanted: { scenario: string; explicitScenario: boolean; shareLink: boolean }): boolean {
  if (!rec || wanted.shareLink) return false;
  if (rec.untilMs <= 0 && rec.commands === 0) return false;
  return !wanted.explicitScenario || rec.scenarioName === wanted.scenario;
}

function open(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'slot' });
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

export function saveSession(rec: SavedSession): Promise<unknown> {
  return tx('readwrite', (s) => s.put(rec));
}

export async function loadSaved(slot: SessionSlot): Promise<SavedSession | null> {
  try {
    return ((await tx('readonly', (s) => s.get(slot))) as SavedSession | undefined) ?? null;
  } catch {
    return null;
  }
}

export function deleteSaved(slot: SessionSlot): Promise<unknown> {
  return tx('readwrite', (s) => s.delete(slot)).catch(() => undefined);
}
