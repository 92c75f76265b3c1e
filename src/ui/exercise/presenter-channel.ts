/**
 * Keeps a presenter window (?view=presenter, same origin) in step with the facilitator's window
 * over a BroadcastChannel. The presenter loads the same scenario for its map, then shows the
 * facilitator's snapshots as they are — mirrored, not re-simulated, so both screens always show
 * the same state of the same run. About five updates a second is plenty for a wall screen. Every
 * message names its facilitator window and session, and the presenter checks and follows one
 * (mirror-message.ts).
 */
import type { SimSnapshot } from '../../sim';
import type { TwinClient } from '../../worker/client';
import { pushSnapshot } from '../store/live';
import { uiStore } from '../store/ui-store';
import { exerciseStore } from './exercise-store';
import { MirrorFollower, type FrameMessage, type MirrorMessage, type PresenterHeadline } from './mirror-message';
import { currentSlot } from './saved-sessions';

export type { MirrorMessage, PresenterHeadline } from './mirror-message';

export const CHANNEL = 'citytwin-presenter';
const MIRROR_MS = 200;

const WINDOW_KEY = 'citytwin-window';
let windowId: string | null = null;

/**
 * This facilitator window's name on the channel (a presenter it opens follows it alone). Kept in
 * the tab's sessionStorage, so the presenter still follows the window after it is reloaded.
 */
export function mirrorId(): string {
  if (windowId) return windowId;
  windowId = sessionStorage.getItem(WINDOW_KEY);
  if (!windowId || !/^facilitator:[0-9a-f]{16}$/.test(windowId)) {
    windowId = `facilitator:${[...crypto.getRandomValues(new Uint8Array(8))].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
    sessionStorage.setItem(WINDOW_KEY, windowId);
  }
  return windowId;
}

/** The latest thing the room should read: the last inject or pressure inject fired, or an open decision. */
export function currentHeadline(): PresenterHeadline | null {
  const { spec, state } = exerciseStore.getState();
  if (!spec || !state) return null;
  const open = state.decisions.find((d) => d.state === 'open');
  if (open) {
    const d = spec.decisions.find((x) => x.id === open.id);
    if (d) return { kind: 'decision', title: d.title, text: d.prompt, tMs: open.openedMs ?? 0 };
  }
  let best: PresenterHeadline | null = null;
  for (const i of state.injects) {
    if (i.state !== 'fired' || i.firedAtMs === null) continue;
    const s = spec.injects.find((x) => x.id === i.id);
    if (s && (!best || i.firedAtMs >= best.tMs)) best = { kind: 'inject', title: s.title, text: s.description, tMs: i.firedAtMs };
  }
  for (const p of state.pressure) if (!best || p.tMs >= best.tMs) best = { kind: 'pressure', title: p.title, text: p.text, tMs: p.tMs };
  return best;
}

/**
 * Facilitator side: answers hellos and posts the latest snapshot a few times a second. A hello
 * carries the session file, from `sessionJson` (the exercise controller's export).
 */
export function startMirror(c: TwinClient, sessionJson: () => Promise<string>): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  let latest: SimSnapshot | null = null;
  let sent: SimSnapshot | null = null;
  let idle = 0;
  const hello = () => {
    const w = uiStore.getState().world;
    const send = (session: string | null) =>
      ch.postMessage({
        type: 'hello',
        from: mirrorId(),
        slot: currentSlot(),
        scenario: uiStore.getState().scenarioName,
        seed: w?.seed ?? null,
        session,
      } satisfies MirrorMessage);
    if (w) void sessionJson().then(send);
    else send(null);
  };
  ch.onmessage = (ev: MessageEvent<unknown>) => {
    if ((ev.data as { type?: unknown } | null)?.type === 'hello?') {
      hello();
      sent = null;
    }
  };
  c.on('loaded', () => hello());
  c.on('frame', (m) => void (latest = m.snapshot));
  setInterval(() => {
    if (!latest) return;
    const ex = exerciseStore.getState();
    const step = ex.briefing && ex.spec ? ex.spec.briefing[ex.briefing.step] : undefined;
    // Unchanged frames still go out about once a second, so a presenter opened late catches up.
    if (latest === sent && !step && ++idle % 5 !== 0) return;
    sent = latest;
    ch.postMessage({
      type: 'frame',
      from: mirrorId(),
      slot: currentSlot(),
      snapshot: latest,
      headline: currentHeadline(),
      briefing: step ? { title: step.title, text: step.text } : null,
      rehearsal: ex.rehearsal,
    } satisfies MirrorMessage);
  }, MIRROR_MS);
}

/**
 * Presenter side: follows one facilitator window (`follow`, the one that opened it, else the first
 * to answer), loads what it runs and shows its snapshots; anything else on the channel — another
 * facilitator, a message of the wrong shape, a frame of another session or city — is ignored.
 */
export function followFacilitator(c: TwinClient, initial: string, follow: string | null, onFrame: (m: FrameMessage | null) => void): MirrorFollower {
  const ch = new BroadcastChannel(CHANNEL);
  const follower = new MirrorFollower(follow, () => performance.now());
  let loadedAs = initial;
  let slot: string | null | undefined;
  ch.onmessage = (ev: MessageEvent<unknown>) => {
    const w = uiStore.getState().world;
    const m = follower.accept(ev.data, w ? { assets: w.assets.length, edges: w.edges.length } : null);
    if (!m) return;
    if (m.type === 'hello') {
      // Another session of the facilitator: what was on the wall belonged to the last one.
      if (slot !== undefined && m.slot !== slot) onFrame(null);
      slot = m.slot;
      const key = `${m.scenario}|${m.seed}`;
      if (key !== loadedAs || (uiStore.getState().phase === 'load-error' && m.session)) {
        loadedAs = key;
        uiStore.setState({ scenarioName: m.scenario });
        let session: Record<string, unknown> | null = null;
        try {
          session = m.session ? (JSON.parse(m.session) as Record<string, unknown>) : null;
        } catch {
          session = null;
        }
        // Only the city is needed here (frames come from the facilitator): the scenario and seed, no commands.
        if (session) c.send({ type: 'session-import', text: JSON.stringify({ ...session, untilMs: 0, commands: [] }), reason: 'share' });
        else c.load(m.scenario, m.seed ?? undefined);
      }
      return;
    }
    pushSnapshot(m.snapshot);
    uiStore.setState({ clockMs: m.snapshot.tMs, kpis: m.snapshot.kpis });
    onFrame(m);
  };
  ch.postMessage({ type: 'hello?' } satisfies MirrorMessage);
  c.on('loaded', () => ch.postMessage({ type: 'hello?' } satisfies MirrorMessage));
  // Its own worker only supplies the map; the facilitator's frames replace its one frame.
  c.on('frame', () => undefined);
  return follower;
}
