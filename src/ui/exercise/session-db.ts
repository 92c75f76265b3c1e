/**
 * Autosaved sessions in IndexedDB: one record per session (a slot named "session:…", made when a
 * tab starts a session: a fresh visit, a shared link, "Start afresh"), plus one for rehearsal.
 * Each holds the session file's JSON (the format `twin report` reads) with a little metadata. A
 * new session never writes over another's slot, so a link opened in the same browser cannot
 * replace the exercise saved before it. Which slot a tab uses and what it offers to restore is
 * decided by the pure functions in session-slots.ts.
 */
/** A session's slot ("session:…"; older builds used "main" and "previous"), or the rehearsal's. */
export type SessionSlot = string;

export const REHEARSAL_SLOT: SessionSlot = 'rehearsal';

export interface SavedSession {
  readonly slot: SessionSlot;
  readonly json: string;
  readonly scenarioName: string;
  readonly untilMs: number;
  readonly commands: number;
  readonly savedAt: string;
  /** Where the session began (for the offer's wording). */
  readonly from?: 'fresh' | 'link' | 'file';
  /**
   * The simulated time the run failed at (the worker stopped), while the run has not got past it:
   * a restore goes back to before it instead of replaying into the same failure.
   */
  readonly failedAtMs?: number | null;
}

const DB = 'citytwin';
const STORE = 'sessions';

export function savedRecord(
  slot: SessionSlot,
  json: string,
  untilMs: number,
  commands: number,
  savedAt: string,
  extra: { from?: SavedSession['from']; failedAtMs?: number | null } = {},
): SavedSession {
  let scenarioName = 'default';
  try {
    const s = JSON.parse(json) as { scenario?: { name?: string } };
    if (typeof s.scenario?.name === 'string') scenarioName = s.scenario.name;
  } catch {
    // An unreadable session still saves; restoring it will report why it cannot load.
  }
  return {
    slot,
    json,
    scenarioName,
    untilMs,
    commands,
    savedAt,
    ...(extra.from ? { from: extra.from } : {}),
    ...(extra.failedAtMs !== undefined && extra.failedAtMs !== null ? { failedAtMs: extra.failedAtMs } : {}),
  };
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

/** Every saved record, the rehearsal's included. */
export async function listSaved(): Promise<SavedSession[]> {
  try {
    return ((await tx('readonly', (s) => s.getAll())) as SavedSession[]) ?? [];
  } catch {
    return [];
  }
}

export function deleteSaved(slot: SessionSlot): Promise<unknown> {
  return tx('readwrite', (s) => s.delete(slot)).catch(() => undefined);
}
