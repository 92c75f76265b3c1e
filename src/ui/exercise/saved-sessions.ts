/**
 * This tab's saved session: the slot it autosaves to (session-slots.ts decides which), a lock that
 * keeps a slot to one tab, what opens at start-up (this tab's own session after a reload; else a
 * new session, with the newest kept one offered), restoring a kept session, starting afresh, the
 * rehearsal's bookkeeping and the list of sessions kept in this browser. No React; the worker is
 * reached through the SessionIo the controller passes in.
 */
import { uiStore } from '../store/ui-store';
import { exerciseStore, toast } from './exercise-store';
import { REHEARSAL_SLOT, deleteSaved, listSaved, loadSaved, savedRecord, saveSession, type SavedSession, type SessionSlot } from './session-db';
import { newSessionSlot, planStart, restorable, slotsToPrune, worthKeeping } from './session-slots';

export interface SessionIo {
  /** Sends a session file's text to the worker to load (a restore is checked for weight first). */
  importSession(text: string, reason: 'restore'): void;
  /** Loads a scenario afresh, with no commands. */
  loadFresh(scenario: string, seed: number | undefined): void;
  pause(): void;
}

type From = NonNullable<SavedSession['from']>;

const SLOT_KEY = 'citytwin-session';
const REHEARSAL_KEY = 'citytwin-rehearsal';

let io: SessionIo | null = null;
/** The tab's session: its slot, how it began, whether it has a record yet, and the time its run failed at. */
const tab: { slot: SessionSlot | null; from: From; saved: boolean; failedAtMs: number | null } = { slot: null, from: 'fresh', saved: false, failedAtMs: null };

export function connectSavedSessions(sessionIo: SessionIo): void {
  io = sessionIo;
}

function need(): SessionIo {
  if (!io) throw new Error('the exercise has not started');
  return io;
}

/** The slot this tab's session autosaves to (null before start-up has decided). */
export function currentSlot(): SessionSlot | null {
  return tab.slot;
}

// ---- one tab per slot: a Web Lock named after the slot, held while the tab uses it -------------

let held: { release: (() => void) | null; dropped: boolean } | null = null;
const lockName = (slot: SessionSlot) => `citytwin:${slot}`;

function holdLock(slot: SessionSlot): void {
  if (held) {
    held.dropped = true;
    held.release?.();
  }
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return;
  const h: { release: (() => void) | null; dropped: boolean } = { release: null, dropped: false };
  held = h;
  void locks.request(lockName(slot), () => (h.dropped ? undefined : new Promise<void>((ok) => (h.release = ok)))).catch(() => undefined);
}

async function openElsewhere(slot: SessionSlot): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks?.query) return false;
  try {
    return ((await locks.query()).held ?? []).some((l) => l.name === lockName(slot));
  } catch {
    return false;
  }
}

function useSlot(slot: SessionSlot, from: From, saved: boolean, failedAtMs: number | null): void {
  Object.assign(tab, { slot, from, saved, failedAtMs });
  sessionStorage.setItem(SLOT_KEY, slot);
  holdLock(slot);
}

/** The address without a shared moment (t, #log=), so a reload carries on this session instead of reopening the link. */
export function forgetLinkInAddress(scenario?: string): void {
  const q = new URLSearchParams(window.location.search);
  q.delete('t');
  if (scenario !== undefined && scenario !== (q.get('scenario') ?? 'default')) {
    q.set('scenario', scenario);
    q.delete('seed');
  }
  const qs = q.toString();
  history.replaceState(history.state, '', `${window.location.pathname}${qs ? `?${qs}` : ''}`);
}

// ---- autosave ------------------------------------------------------------------------------------

/** Writes an autosave to this tab's slot (or the rehearsal's); false when there was nothing to keep yet. */
export async function writeAutosave(json: string, untilMs: number, commands: number, rehearsal: boolean): Promise<boolean> {
  if (!tab.slot) return false;
  // A visit that only looks leaves nothing behind: a session gets its record once the clock moves or something is done.
  if (!rehearsal && !tab.saved && !worthKeeping({ untilMs, commands })) return false;
  // Once the run is past the time it failed at, the failure no longer holds a restore back.
  if (tab.failedAtMs !== null && untilMs > tab.failedAtMs) tab.failedAtMs = null;
  await saveSession(
    savedRecord(rehearsal ? REHEARSAL_SLOT : tab.slot, json, untilMs, commands, new Date().toISOString(), { from: tab.from, failedAtMs: tab.failedAtMs }),
  );
  if (!rehearsal) tab.saved = true;
  return true;
}

// ---- start-up ------------------------------------------------------------------------------------

/**
 * Start-up: after a reload, this tab's own session carries on at once (cut to before a failure if
 * its run failed); anything else — a fresh visit, a shared link, another scenario — is a new
 * session in a new slot, and the newest kept session is offered.
 */
export async function openAtStart(p: { scenario: string; explicitScenario: boolean; shareLink: boolean; fromLink: boolean }): Promise<void> {
  const records = await listSaved();
  const rehearsalOn = sessionStorage.getItem(REHEARSAL_KEY) === '1';
  const plan = planStart({
    records,
    tabSlot: sessionStorage.getItem(SLOT_KEY),
    scenario: p.scenario,
    explicitScenario: p.explicitScenario,
    shareLink: p.shareLink,
    newSlot: newSessionSlot,
  });
  if (plan.kind === 'continue') {
    useSlot(plan.slot, plan.record.from ?? 'fresh', true, plan.record.failedAtMs ?? null);
    const rec = rehearsalOn ? (records.find((r) => r.slot === REHEARSAL_SLOT) ?? null) : plan.record;
    if (rehearsalOn) exerciseStore.setState({ rehearsal: true });
    if (rec && worthKeeping(rec)) restoreRecord(rec);
  } else {
    useSlot(plan.slot, p.fromLink ? 'link' : 'fresh', false, null);
    sessionStorage.removeItem(REHEARSAL_KEY);
    if (plan.offer) exerciseStore.setState({ offer: offerOf(plan.offer) });
  }
  await prune(records, [plan.slot, plan.kind === 'new' ? (plan.offer?.slot ?? null) : null]);
}

function offerOf(r: SavedSession): NonNullable<ReturnType<typeof exerciseStore.getState>['offer']> {
  return { slot: r.slot, scenarioName: r.scenarioName, untilMs: r.untilMs, commands: r.commands, savedAt: r.savedAt, failedAtMs: r.failedAtMs ?? null };
}

async function prune(records: readonly SavedSession[], protect: readonly (SessionSlot | null)[]): Promise<void> {
  const drop = slotsToPrune(records, protect);
  // Older builds kept a copy of "main" as "previous" when they offered it: one of the two is enough.
  const main = records.find((r) => r.slot === 'main');
  const previous = records.find((r) => r.slot === 'previous');
  if (main && previous && main.json === previous.json) drop.push('previous');
  for (const slot of drop) await deleteSaved(slot);
}

// ---- restore, afresh, the list -------------------------------------------------------------------

/** Loads a saved record into the worker: as saved, or cut to before the failure when its run failed (paused). */
function restoreRecord(rec: SavedSession): void {
  const r = restorable(rec);
  if (r.cutAtMs !== null) need().pause();
  exerciseStore.setState({
    busy: { label: r.cutAtMs !== null ? 'Restoring the saved session to before the failure' : 'Restoring the saved session', targetMs: r.untilMs },
    restored: {
      untilMs: r.untilMs,
      commands: r.commands,
      savedAt: rec.savedAt,
      from: 'autosave',
      failedAtMs: r.cutAtMs !== null ? (rec.failedAtMs ?? null) : null,
      dropped: r.dropped,
    },
  });
  if (rec.scenarioName !== uiStore.getState().scenarioName) {
    uiStore.setState({ scenarioName: rec.scenarioName });
    forgetLinkInAddress(rec.scenarioName);
  }
  need().importSession(r.json, 'restore');
}

/**
 * Restores a kept session (the one offered, or one from the list). The tab carries on in that
 * session's slot — or, when another tab has it open, in a new slot as a copy, so two tabs never
 * write to one. What this tab had is kept in its own slot.
 */
export async function restoreSlot(slot: SessionSlot): Promise<void> {
  exerciseStore.setState({ offer: null });
  if (exerciseStore.getState().rehearsal) return toast('Turn rehearsal off before restoring another session', true);
  const rec = await loadSaved(slot);
  if (!rec) return toast('That saved session is no longer there', true);
  if (slot !== tab.slot) {
    if (await openElsewhere(slot)) useSlot(newSessionSlot(), rec.from ?? 'fresh', false, rec.failedAtMs ?? null);
    else useSlot(slot, rec.from ?? 'fresh', true, rec.failedAtMs ?? null);
  }
  restoreRecord(rec);
}

/** This tab goes on as a new session (a session file was imported): the one before stays kept. */
export function beginSession(from: From): void {
  useSlot(newSessionSlot(), from, false, null);
}

/** Starts the scenario afresh in a new session; the one before is kept (a rehearsal is simply thrown away). */
export async function startFresh(): Promise<void> {
  const rehearsal = exerciseStore.getState().rehearsal;
  if (rehearsal) await deleteSaved(REHEARSAL_SLOT);
  else useSlot(newSessionSlot(), 'fresh', false, null);
  exerciseStore.setState({ restored: null, offer: null });
  forgetLinkInAddress();
  const s = uiStore.getState();
  need().loadFresh(s.scenarioName, s.world?.seed);
  if (!rehearsal) toast('Started afresh. The session before is kept in this browser (Records → Saved in this browser).');
}

/** The sessions kept in this browser, newest first, marking the one this tab is using. */
export async function keptSessions(): Promise<(SavedSession & { current: boolean })[]> {
  return (await listSaved())
    .filter((r) => r.slot !== REHEARSAL_SLOT)
    .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))
    .map((r) => ({ ...r, current: r.slot === tab.slot }));
}

// ---- a failed run ---------------------------------------------------------------------------------

/**
 * Records that the run failed at `atMs`: the session as it stood (`json`, when the worker could
 * still say; else the last autosave) is saved marked with the failure, so neither the failure
 * card's "go back" nor a reload ever replays into it.
 */
export async function recordFailure(atMs: number, json: string | null, rehearsal: boolean): Promise<void> {
  tab.failedAtMs = tab.failedAtMs === null ? atMs : Math.min(tab.failedAtMs, atMs);
  if (!tab.slot) return;
  const slot = rehearsal ? REHEARSAL_SLOT : tab.slot;
  let rec: SavedSession | null = null;
  if (json !== null) {
    try {
      const s = JSON.parse(json) as { untilMs?: number; commands?: unknown[] };
      rec = savedRecord(slot, json, Math.min(s.untilMs ?? atMs, atMs), s.commands?.length ?? 0, new Date().toISOString(), { from: tab.from });
    } catch {
      rec = null;
    }
  }
  rec ??= await loadSaved(slot);
  if (!rec) return;
  await saveSession({ ...rec, failedAtMs: tab.failedAtMs });
  if (!rehearsal) tab.saved = true;
}

/** Restores this tab's session to before its failure (paused); false when there is no record to go back to. */
export async function goBackBeforeFailure(rehearsal: boolean): Promise<boolean> {
  const slot = rehearsal ? REHEARSAL_SLOT : tab.slot;
  const rec = slot ? await loadSaved(slot) : null;
  if (!rec || rec.failedAtMs == null) return false;
  restoreRecord(rec);
  return true;
}

// ---- rehearsal -----------------------------------------------------------------------------------

/** Keeps the real session in this tab's slot and marks the tab as rehearsing (a reload stays in rehearsal). */
export async function enterRehearsal(json: string, untilMs: number, commands: number): Promise<void> {
  if (tab.slot) {
    await saveSession(savedRecord(tab.slot, json, untilMs, commands, new Date().toISOString(), { from: tab.from, failedAtMs: tab.failedAtMs })).catch(
      () => undefined,
    );
    tab.saved = true;
  }
  sessionStorage.setItem(REHEARSAL_KEY, '1');
}

/** Throws the rehearsal away and returns the real session's record (null when it has none). */
export async function leaveRehearsal(): Promise<SavedSession | null> {
  sessionStorage.removeItem(REHEARSAL_KEY);
  await deleteSaved(REHEARSAL_SLOT);
  return tab.slot ? loadSaved(tab.slot) : null;
}
