/**
 * Connects the facilitator console to the worker: exercise state in, commands and time travel
 * out; autosave to IndexedDB after every command and every few seconds of play (into this tab's
 * own session slot: saved-sessions.ts); restore at start-up (a shared link first, else the tab's
 * autosaved session); a failed run recorded so nothing replays into it; downloads (report,
 * session) made from the worker's strings as Blob URLs, never put into the page as HTML; and the
 * mirror that keeps a presenter window in step. No React here.
 */
import { formatClock, type Command, type LoggedCommand } from '../../sim';
import type { TwinClient } from '../../worker/client';
import type { CompareMode } from '../../worker/exercise-protocol';
import type { UrlChoice } from '../app/url-params';
import { uiStore } from '../store/ui-store';
import { layoutStore } from '../store/layout-store';
import { compareLive, exerciseStore, toast } from './exercise-store';
import { startMirror } from './presenter-channel';
import { live } from '../store/live';
import {
  beginSession,
  connectSavedSessions,
  enterRehearsal,
  forgetLinkInAddress,
  goBackBeforeFailure,
  leaveRehearsal,
  openAtStart,
  recordFailure,
  startFresh,
  writeAutosave,
} from './saved-sessions';
import { parseShare, shareAddress, shareSessionJson } from './share-url';
import { applyView, viewOf, withView } from './session-view';

const AUTOSAVE_EVERY_MS = 4000;
const AFTER_COMMAND_MS = 250;

let client: TwinClient | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let reportWaiters: ((r: ReportFiles) => void)[] = [];
let sessionWaiters: ((json: string) => void)[] = [];
/** Nothing is autosaved until the start-up restore has been decided, so a reload cannot overwrite what it is about to restore. */
let autosaveReady = false;
/** Set while the real session is reloaded after a rehearsal; autosave resumes when it is back. */
let returningFromRehearsal = false;
let compareSetAt = 0;
let compareTimer: ReturnType<typeof setTimeout> | null = null;
let lastCompare: { mode: CompareMode; label: string; tMs: number; kpis: Readonly<Record<string, number | null>> } | null = null;
/** The simulated time of the last autosave. */
let savedUntilMs = -1;
/** The screen view of a session on its way in (restore, import), applied once its scenario has loaded; undefined when none is. */
let pendingView: ReturnType<typeof viewOf> | undefined;

export interface ReportFiles {
  readonly html: string;
  readonly markdown: string;
  readonly json: string;
  readonly fileBase: string;
}

function need(): TwinClient {
  if (!client) throw new Error('the simulation has not started');
  return client;
}

/** `hosted`: a seat at a hosted exercise, whose run lives on the host: nothing is restored or autosaved here. */
export function startExercise(c: TwinClient, choice: UrlChoice, options: { hosted?: boolean } = {}): void {
  client = c;
  connectSavedSessions({
    importSession: (text, reason) => importSession(text, reason),
    loadFresh: (scenario, seed) => c.load(scenario, seed),
    pause: () => {
      uiStore.setState({ playing: false });
      c.pause();
    },
  });
  c.on('exercise-spec', (m) => exerciseStore.setState({ spec: m.spec }));
  c.on('exercise-state', (m) => exerciseStore.setState({ state: m.state }));
  c.on('rewound', (m) => {
    compareLive.status = null;
    exerciseStore.setState((s) => ({ busy: { label: s.busy?.label ?? 'Replaying the run', targetMs: m.targetMs } }));
    if (m.askedMs !== undefined)
      exerciseStore.setState({
        notice: {
          text: `The time asked for (${formatClock(m.askedMs)}) is past the scenario's end: the run goes to its end, ${formatClock(m.targetMs)}.`,
          error: false,
        },
      });
  });
  c.on('seeked', (m) => {
    exerciseStore.setState((s) => ({ busy: null, restored: s.restored && s.restored.untilMs > m.tMs ? { ...s.restored, untilMs: m.tMs } : s.restored }));
    if (m.cancelled) toast(`Stopped at ${formatClock(m.tMs)}: press Play or ⇥ Latest to go on`);
    if (returningFromRehearsal) {
      returningFromRehearsal = false;
      autosaveReady = true;
    }
    scheduleSave(0);
  });
  c.on('compare-frame', (m) => {
    compareLive.status = m.status;
    compareLive.version++;
    const prev = exerciseStore.getState().compare;
    // KPIs reach React a few times a second at most.
    const now = performance.now();
    if (!prev || prev.mode !== m.mode || prev.label !== m.label || now - compareSetAt >= 200) {
      compareSetAt = now;
      exerciseStore.setState({ compare: { mode: m.mode, label: m.label, tMs: m.tMs, kpis: m.kpis } });
    } else if (!compareTimer)
      compareTimer = setTimeout(() => {
        compareTimer = null;
        const latest = lastCompare;
        if (latest) exerciseStore.setState({ compare: { mode: latest.mode, label: latest.label, tMs: latest.tMs, kpis: latest.kpis } });
      }, 200);
    lastCompare = m;
  });
  c.on('exercise-state', (m) => {
    if (m.state.compare === null && exerciseStore.getState().compare) exerciseStore.setState({ compare: null });
  });
  c.on('session', (m) => {
    // The worker writes the run; the page adds how its screen was arranged (the pinned headline indicators).
    const json = withView(m.json);
    if (m.reason === 'autosave') {
      if (!autosaveReady) return;
      void writeAutosave(json, m.untilMs, m.commands, exerciseStore.getState().rehearsal).then(
        (saved) => {
          savedUntilMs = m.untilMs;
          if (saved) exerciseStore.setState({ lastSavedAt: Date.now() });
        },
        () => toast('Could not autosave (IndexedDB unavailable): export the session to keep it', true),
      );
    }
    const w = sessionWaiters;
    sessionWaiters = [];
    for (const f of w) f(json);
  });
  c.on('fatal', (m) => onFailure(m.message, m.atMs));
  c.on('session-heavy', (m) => exerciseStore.setState({ busy: null, heavy: { estimate: m.estimate, reason: m.reason } }));
  c.on('loaded', (m) => {
    if (pendingView !== undefined) applyView(pendingView, m.world.scenario.id);
    pendingView = undefined;
    if (!fileImportPending) return;
    fileImportPending = false;
    if (!exerciseStore.getState().rehearsal) beginSession('file');
  });
  c.on('session-error', (m) => {
    fileImportPending = false;
    pendingView = undefined;
    exerciseStore.setState({ busy: null });
    if (returningFromRehearsal) {
      returningFromRehearsal = false;
      autosaveReady = true;
    }
    toast(`The session could not be loaded: ${m.issues.map((i) => `${i.path}: ${i.message}${i.hint ? ` (${i.hint})` : ''}`).join('; ')}`, true);
  });
  c.on('report-ready', (m) => {
    const w = reportWaiters;
    reportWaiters = [];
    for (const f of w) f(m);
  });
  c.on('frame', (m) => {
    // Play, a jump ahead or a replay moves the clock: save a few seconds later (a crash loses at most that).
    if (!saveTimer && m.snapshot.tMs !== savedUntilMs) scheduleSave(AUTOSAVE_EVERY_MS);
  });
  // Pinning a headline indicator is no command, but it is kept with the session all the same.
  layoutStore.subscribe((s, prev) => {
    if (s.pinned !== prev.pinned) scheduleSave(AFTER_COMMAND_MS);
  });
  startMirror(c, () => requestSessionJson('download'));
  // window.__twin.exercise: read-only views for end-to-end tests (the controls are the console's buttons).
  const hooks = (window as unknown as { __twin?: Record<string, unknown> }).__twin;
  if (hooks)
    hooks.exercise = {
      state: () => exerciseStore.getState().state,
      spec: () => exerciseStore.getState().spec,
      busy: () => exerciseStore.getState().busy,
      compare: () => exerciseStore.getState().compare,
      lastSavedAt: () => exerciseStore.getState().lastSavedAt,
      savedUntilMs: () => savedUntilMs,
    };
  if (options.hosted) return;
  window.addEventListener('pagehide', () => requestExport('autosave'));
  void restoreAtStart(c, choice);
}

/** The page became a seat at a hosted exercise: its run lives on the host now, so nothing more is autosaved here. */
export function stopAutosave(): void {
  autosaveReady = false;
}

async function restoreAtStart(c: TwinClient, choice: UrlChoice): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  // A bad address is shown as an error; nothing is restored over it, and nothing is autosaved.
  if (choice.issues.length > 0) return;
  let shared: Awaited<ReturnType<typeof parseShare>> = null;
  let linkError: string | null = null;
  try {
    shared = await parseShare(window.location.search, window.location.hash);
  } catch (e) {
    linkError = e instanceof Error ? e.message : String(e);
  }
  try {
    // A link (even one that cannot be read) starts a session of its own: whatever was saved before is kept and offered.
    await openAtStart({
      scenario: choice.scenario,
      explicitScenario: params.has('scenario'),
      shareLink: shared !== null || linkError !== null,
      fromLink: shared !== null,
    });
    if (linkError)
      exerciseStore.setState({
        notice: {
          text: `The shared link was not opened: ${linkError}. The scenario opened from its start, and nothing saved in this browser was changed.`,
          error: true,
        },
      });
    if (shared) {
      const seed = choice.seed ?? (await worldSeed(c));
      exerciseStore.setState({
        busy: { label: 'Opening the shared moment', targetMs: shared.tMs },
        restored: { untilMs: shared.tMs, commands: shared.commands.length, savedAt: '', from: 'link' },
      });
      c.send({ type: 'session-import', text: shareSessionJson(choice.scenario, seed, shared.tMs, shared.commands), reason: 'share' });
      // From now on this tab's session is its own: a reload carries it on instead of reopening the link.
      forgetLinkInAddress();
    }
  } catch (e) {
    toast(`Could not open the saved sessions: ${e instanceof Error ? e.message : String(e)}`, true);
  } finally {
    autosaveReady = true;
  }
}

function worldSeed(c: TwinClient): Promise<number> {
  const w = uiStore.getState().world;
  if (w) return Promise.resolve(w.seed);
  return new Promise((ok) => {
    const off = c.on('loaded', (m) => {
      off();
      ok(m.world.seed);
    });
  });
}

function scheduleSave(ms: number): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    requestExport('autosave');
  }, ms);
}

function requestExport(reason: 'autosave' | 'download' | 'share'): void {
  client?.send({ type: 'session-export', reason });
}

/** Every exercise command goes through here, so each one is autosaved. */
export function sendCommand(command: Command): void {
  need().command(command);
  scheduleSave(AFTER_COMMAND_MS);
}

export const fireInject = (inject: string) => sendCommand({ type: 'inject.fire', inject });
export const holdInject = (inject: string) => sendCommand({ type: 'inject.hold', inject });
export const releaseInject = (inject: string) => sendCommand({ type: 'inject.release', inject });
export const skipInject = (inject: string) => sendCommand({ type: 'inject.skip', inject });
export const pressureInject = (title: string, text: string) => sendCommand({ type: 'inject.pressure', title, ...(text ? { text } : {}) });
export const takeDecision = (decision: string, option: string, by: string, rationale: string) =>
  sendCommand({ type: 'decision.take', decision, option, ...(by ? { by } : {}), ...(rationale ? { rationale } : {}) });
export const addNote = (text: string, author: string) => sendCommand({ type: 'note.add', text, ...(author ? { author } : {}), kind: 'note' });
export const markExpected = (inject: string, action: string, met: boolean, author: string) =>
  sendCommand({
    type: 'note.add',
    kind: 'evaluation',
    expected: `${inject}/${action}`,
    met,
    text: `${met ? 'Met' : 'Not met'}: ${action}`,
    ...(author ? { author } : {}),
  });

export function seek(tMs: number): void {
  const now = uiStore.getState().clockMs;
  // Back is a replay from the start, forward a run ahead: either can take a while, and either can be cancelled.
  if (Math.abs(tMs - now) >= 1000)
    exerciseStore.setState({ busy: { label: tMs < now ? 'Replaying to the chosen moment' : 'Running ahead to the chosen moment', targetMs: tMs } });
  need().send({ type: 'seek', tMs });
}

/** Stops the replay, jump or restore in progress where it has got to. */
export function cancelBusy(): void {
  need().send({ type: 'cancel' });
}

/** The last session sent to the worker, kept in case it comes back as too heavy to load without asking. */
let lastImport: { text: string; reason: 'restore' | 'import' | 'share' } | null = null;

function importSession(text: string, reason: 'restore' | 'import' | 'share'): void {
  lastImport = { text, reason };
  pendingView = viewOf(text);
  need().send({ type: 'session-import', text, reason });
}

/** The facilitator's answer to "this scenario is heavy: load it?". */
export function confirmHeavy(load: boolean): void {
  const pending = lastImport;
  exerciseStore.setState({ heavy: null });
  if (!load || !pending) {
    fileImportPending = false;
    pendingView = undefined;
    if (returningFromRehearsal) {
      returningFromRehearsal = false;
      autosaveReady = true;
    }
    return toast('Not loaded: the scenario that was open is still open');
  }
  exerciseStore.setState({ busy: { label: 'Building the scenario', targetMs: 0 } });
  need().send({ type: 'session-import', text: pending.text, reason: pending.reason, confirmed: true });
}

export function branch(tMs: number): void {
  exerciseStore.setState({ busy: { label: 'Branching: replaying to the branch point', targetMs: tMs } });
  need().send({ type: 'branch', tMs });
  scheduleSave(AUTOSAVE_EVERY_MS);
}

export function startCompare(mode: CompareMode): void {
  need().send({ type: 'compare-start', mode });
}

export function stopCompare(): void {
  need().send({ type: 'compare-stop' });
  if (compareTimer) clearTimeout(compareTimer);
  compareTimer = null;
  lastCompare = null;
  compareLive.status = null;
  exerciseStore.setState({ compare: null });
}

export function requestReport(): Promise<ReportFiles> {
  return new Promise((ok) => {
    reportWaiters.push(ok);
    need().send({ type: 'report', ...(exerciseStore.getState().rehearsal ? { title: 'REHEARSAL — after-action report (not the exercise record)' } : {}) });
  });
}

/** Settles once a failure has been recorded in the saved session. */
let failureKept: Promise<void> = Promise.resolve();

/**
 * The run failed: stop autosaving (the failed run must not replace the session), then save the
 * session as it stood, marked with the failure time, so the card's "go back" and any reload
 * restore it to before the failure instead of replaying into it.
 */
function onFailure(message: string, atMsRaw: number | undefined): void {
  if (exerciseStore.getState().failure) return;
  const atMs = atMsRaw ?? live.snapshot?.tMs ?? 0;
  autosaveReady = false;
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  exerciseStore.setState({ busy: null, heavy: null, failure: { atMs, message, kept: false } });
  const rehearsal = exerciseStore.getState().rehearsal;
  failureKept = (async () => {
    // The worker usually still answers (only the simulation failed); if not, the last autosave is marked instead.
    const json = atMs > 0 ? await Promise.race([requestSessionJson('download'), new Promise<null>((ok) => setTimeout(() => ok(null), 2000))]) : null;
    await recordFailure(atMs, json, rehearsal);
  })()
    .catch(() => undefined)
    .then(() => exerciseStore.setState((s) => (s.failure ? { failure: { ...s.failure, kept: true } } : {})));
}

/** The failure card's "Go back to before the failure": the session restored, paused, a minute before it. */
export async function goBackFromFailure(): Promise<void> {
  await failureKept;
  const rehearsal = exerciseStore.getState().rehearsal;
  exerciseStore.setState({ failure: null });
  autosaveReady = true;
  if (!(await goBackBeforeFailure(rehearsal))) await startFresh();
}

/** The failure card's "Start afresh": a new session of the same scenario, paused; the failed one stays kept. */
export async function startAfreshFromFailure(): Promise<void> {
  await failureKept;
  exerciseStore.setState({ failure: null });
  autosaveReady = true;
  uiStore.setState({ playing: false });
  need().pause();
  await startFresh();
}

export function requestSessionJson(reason: 'download' | 'share'): Promise<string> {
  return new Promise((ok) => {
    sessionWaiters.push(ok);
    requestExport(reason);
  });
}

/** Offers text as a file download through a Blob URL (the text never enters the page's DOM). */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadReport(format: 'html' | 'md' | 'json'): Promise<void> {
  const r = await requestReport();
  if (format === 'html') download(r.html, `${r.fileBase}.html`, 'text/html');
  else if (format === 'md') download(r.markdown, `${r.fileBase}.md`, 'text/markdown');
  else download(r.json, `${r.fileBase}.json`, 'application/json');
}

export async function downloadSession(): Promise<void> {
  const json = await requestSessionJson('download');
  const name = uiStore.getState().scenarioName.replace(/[^\w.-]+/g, '-');
  download(json, `${name}-session.json`, 'application/json');
}

/** Set while a session file is on its way in: once it loads, it is a session of its own (the one before is kept). */
let fileImportPending = false;

export function importSessionText(text: string): void {
  exerciseStore.setState({ busy: { label: 'Loading the session file', targetMs: 0 }, restored: null });
  fileImportPending = true;
  importSession(text, 'import');
  scheduleSave(AUTOSAVE_EVERY_MS);
}

/** Copies a link to this moment of this run; returns it. */
export async function shareLink(): Promise<string> {
  const s = uiStore.getState();
  const json = await requestSessionJson('share');
  const session = JSON.parse(json) as { seed: number; commands: LoggedCommand[] };
  const base = `${window.location.origin}${window.location.pathname}`;
  const { url, logOmitted } = await shareAddress(base, { scenario: s.scenarioName, seed: session.seed, tMs: s.clockMs, commands: session.commands });
  try {
    await navigator.clipboard.writeText(url);
    toast(logOmitted ? 'Link copied (the command log is too long for a link: export the session file too)' : 'Link to this moment copied');
  } catch {
    toast('Link ready: copy it from the box below');
  }
  return url;
}

/**
 * Rehearsal mode: the facilitator tries the exercise out without touching its record. Turning it
 * on saves the real session and autosaves to a separate slot from then on; turning it off throws
 * the rehearsal away and puts the real session back exactly where it was.
 */
export async function setRehearsal(on: boolean): Promise<void> {
  const st = exerciseStore.getState();
  if (st.rehearsal === on) return;
  if (on) {
    const json = await requestSessionJson('download');
    await enterRehearsal(json, uiStore.getState().clockMs, (JSON.parse(json) as { commands: unknown[] }).commands.length);
    exerciseStore.setState({ rehearsal: true });
    toast('Rehearsal: nothing from now on goes into the exercise record');
  } else {
    // A rehearsal autosave still on its way must not land in the real record's slot: stop
    // autosaving until the real session is back.
    autosaveReady = false;
    exerciseStore.setState({ rehearsal: false });
    const rec = await leaveRehearsal();
    if (!rec) autosaveReady = true;
    else {
      returningFromRehearsal = true;
      exerciseStore.setState({ busy: { label: 'Returning to the exercise record', targetMs: rec.untilMs } });
      importSession(rec.json, 'restore');
    }
    toast('Rehearsal over: back to the exercise record');
  }
}
