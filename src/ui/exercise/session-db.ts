/**
 * Autosaved sessions in IndexedDB: one record per session (a slot named "session:…", made when a
 * tab starts a session: a fresh visit, a shared link, "Start afresh"), plus one for rehearsal.
 * Each holds the session file's JSON (the format `twin report` reads) with a little metadata. A
 * new session never writes over another's slot, so a link opened in the same browser cannot
 * replace the exercise saved before it. Which slot a tab uses and what it offers to restore is
 * decided by the pure functions in session-slots.ts.
 */
import { idbStore } from '../store/idb-store';
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

const store = idbStore<SavedSession, SessionSlot>(DB, STORE, 'slot');

export function saveSession(rec: SavedSession): Promise<unknown> {
  return store.put(rec);
}

export function loadSaved(slot: SessionSlot): Promise<SavedSession | null> {
  return store.get(slot);
}

/** Every saved record, the rehearsal's included. */
export function listSaved(): Promise<SavedSession[]> {
  return store.all();
}

export function deleteSaved(slot: SessionSlot): Promise<unknown> {
  return store.delete(slot);
}
