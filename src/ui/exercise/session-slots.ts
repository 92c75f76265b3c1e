/**
 * Which saved session a tab continues, which it offers, which it may forget, and what a restore
 * loads — pure functions over the records in IndexedDB (session-db.ts), so the rules are tested
 * without a browser:
 *
 * - a tab continues its own session after a reload (the slot named in its sessionStorage);
 * - anything else — a fresh visit, a shared link (even a broken one), another scenario — starts a
 *   session in a new slot, and the latest saved session is kept and offered for restoring;
 * - a run that failed is restored to before the failure, never replayed into it again.
 */
import type { SavedSession, SessionSlot } from './session-db';
import { REHEARSAL_SLOT } from './session-db';

/** How many sessions are kept (the newest; the one in use and the one offered always are). */
export const KEEP_SESSIONS = 12;
/** "Before the failure" is this long before it. */
export const FAILURE_MARGIN_MS = 60_000;

/** A new session's slot: random, so two tabs never share one. */
export function newSessionSlot(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): SessionSlot {
  return `session:${[...random(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A record worth keeping or offering: the clock moved or something was done. */
export function worthKeeping(rec: Pick<SavedSession, 'untilMs' | 'commands'>): boolean {
  return rec.untilMs > 0 || rec.commands > 0;
}

/** The newest saved session other than `current` (and never the rehearsal): what a new session offers to restore. */
export function offerFrom(records: readonly SavedSession[], current: SessionSlot | null): SavedSession | null {
  let best: SavedSession | null = null;
  for (const r of records) {
    if (r.slot === current || r.slot === REHEARSAL_SLOT || !worthKeeping(r)) continue;
    if (!best || r.savedAt > best.savedAt) best = r;
  }
  return best;
}

export type StartPlan =
  /** This tab's own session, after a reload: restored at once. */
  | { readonly kind: 'continue'; readonly slot: SessionSlot; readonly record: SavedSession }
  /** A new session in a new slot (a shared link, a fresh visit); the saved one, if any, is offered. */
  | { readonly kind: 'new'; readonly slot: SessionSlot; readonly offer: SavedSession | null };

export interface StartInput {
  readonly records: readonly SavedSession[];
  /** The slot this tab used before (sessionStorage), if any. */
  readonly tabSlot: SessionSlot | null;
  readonly scenario: string;
  /** The address names a scenario (?scenario=). */
  readonly explicitScenario: boolean;
  /** The address is a shared moment (?t=…, with or without a #log=, readable or not). */
  readonly shareLink: boolean;
  readonly newSlot: () => SessionSlot;
}

/** What a tab does with the saved sessions as it opens. */
export function planStart(p: StartInput): StartPlan {
  const own = p.tabSlot === null ? undefined : p.records.find((r) => r.slot === p.tabSlot);
  if (own && !p.shareLink && (!p.explicitScenario || own.scenarioName === p.scenario)) return { kind: 'continue', slot: own.slot, record: own };
  const slot = p.newSlot();
  return { kind: 'new', slot, offer: offerFrom(p.records, slot) };
}

/** Sessions to forget: beyond the newest `keep`, never the protected ones (in use, offered) nor the rehearsal. */
export function slotsToPrune(records: readonly SavedSession[], protect: readonly (SessionSlot | null)[], keep = KEEP_SESSIONS): SessionSlot[] {
  const sessions = records.filter((r) => r.slot !== REHEARSAL_SLOT).sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  return sessions
    .slice(keep)
    .map((r) => r.slot)
    .filter((s) => !protect.includes(s));
}

/** Where "before the failure" is: a minute before it, on the half-minute, never before the start. */
export function beforeFailureMs(failedAtMs: number): number {
  return Math.max(0, Math.floor((failedAtMs - FAILURE_MARGIN_MS) / 30_000) * 30_000);
}

export interface Restorable {
  readonly json: string;
  readonly untilMs: number;
  readonly commands: number;
  /** Set when the run failed: the time it now stops at, before the failure. */
  readonly cutAtMs: number | null;
  /** Commands left out because they came at or after that point. */
  readonly dropped: number;
}

/**
 * What restoring a record loads: the session as saved, or — when its run failed — the session cut
 * to before the failure: the commands before that point, and the time no later than it.
 */
export function restorable(rec: Pick<SavedSession, 'json' | 'untilMs' | 'commands' | 'failedAtMs'>): Restorable {
  const failed = rec.failedAtMs;
  if (failed === undefined || failed === null || !Number.isFinite(failed))
    return { json: rec.json, untilMs: rec.untilMs, commands: rec.commands, cutAtMs: null, dropped: 0 };
  const cut = beforeFailureMs(failed);
  let s: { untilMs?: unknown; commands?: unknown } & Record<string, unknown>;
  try {
    s = JSON.parse(rec.json) as typeof s;
  } catch {
    return { json: rec.json, untilMs: rec.untilMs, commands: rec.commands, cutAtMs: null, dropped: 0 };
  }
  const all = Array.isArray(s.commands) ? (s.commands as { tMs?: unknown }[]) : [];
  const kept = all.filter((c) => typeof c?.tMs === 'number' && c.tMs < cut);
  const untilMs = Math.min(typeof s.untilMs === 'number' ? s.untilMs : 0, cut);
  return { json: JSON.stringify({ ...s, untilMs, commands: kept }), untilMs, commands: kept.length, cutAtMs: cut, dropped: all.length - kept.length };
}
