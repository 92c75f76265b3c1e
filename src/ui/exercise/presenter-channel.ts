/**
 * Keeps a presenter window (?view=presenter, same origin) in step with the facilitator's window
 * over a BroadcastChannel. The presenter loads the same scenario for its map, then shows the
 * facilitator's snapshots as they are — mirrored, not re-simulated, so both screens always show
 * the same state of the same run. About five updates a second is plenty for a wall screen.
 */
import type { SimSnapshot } from '../../sim';
import type { TwinClient } from '../../worker/client';
import { pushSnapshot } from '../store/live';
import { uiStore } from '../store/ui-store';
import { requestSessionJson } from './exercise-controller';
import { exerciseStore } from './exercise-store';

export const CHANNEL = 'citytwin-presenter';
const MIRROR_MS = 200;

export interface PresenterHeadline {
  readonly kind: 'inject' | 'pressure' | 'decision';
  readonly title: string;
  readonly text: string;
  readonly tMs: number;
}

export type MirrorMessage =
  | { readonly type: 'hello?' }
  /** The facilitator's scenario; `session` (session-file JSON with the scenario's text) lets the presenter load a scenario that is not shipped. */
  | { readonly type: 'hello'; readonly scenario: string; readonly seed: number | null; readonly session: string | null }
  | { readonly type: 'frame'; readonly snapshot: SimSnapshot; readonly headline: PresenterHeadline | null; readonly briefing: { title: string; text: string } | null; readonly rehearsal: boolean };

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

/** Facilitator side: answers hellos and posts the latest snapshot a few times a second. */
export function startMirror(c: TwinClient): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  let latest: SimSnapshot | null = null;
  let sent: SimSnapshot | null = null;
  let idle = 0;
  const hello = () => {
    const w = uiStore.getState().world;
    const send = (session: string | null) => ch.postMessage({ type: 'hello', scenario: uiStore.getState().scenarioName, seed: w?.seed ?? null, session } satisfies MirrorMessage);
    if (w) void requestSessionJson('download').then(send);
    else send(null);
  };
  ch.onmessage = (ev: MessageEvent<MirrorMessage>) => {
    if (ev.data.type === 'hello?') {
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
      snapshot: latest,
      headline: currentHeadline(),
      briefing: step ? { title: step.title, text: step.text } : null,
      rehearsal: ex.rehearsal,
    } satisfies MirrorMessage);
  }, MIRROR_MS);
}

/** Presenter side: loads what the facilitator runs and shows its snapshots. */
export function followFacilitator(c: TwinClient, initial: string, onFrame: (m: Extract<MirrorMessage, { type: 'frame' }>) => void): void {
  const ch = new BroadcastChannel(CHANNEL);
  let loadedAs = initial;
  ch.onmessage = (ev: MessageEvent<MirrorMessage>) => {
    const m = ev.data;
    if (m.type === 'hello') {
      const key = `${m.scenario}|${m.seed}`;
      if (key !== loadedAs || (uiStore.getState().phase === 'load-error' && m.session)) {
        loadedAs = key;
        uiStore.setState({ scenarioName: m.scenario });
        if (m.session) {
          // Only the city is needed here (frames come from the facilitator): the scenario and seed, no commands.
          const s = JSON.parse(m.session) as Record<string, unknown>;
          c.send({ type: 'session-import', text: JSON.stringify({ ...s, untilMs: 0, commands: [] }), reason: 'share' });
        } else c.load(m.scenario, m.seed ?? undefined);
      }
    } else if (m.type === 'frame') {
      if (!uiStore.getState().world) return;
      pushSnapshot(m.snapshot);
      uiStore.setState({ clockMs: m.snapshot.tMs, kpis: m.snapshot.kpis });
      onFrame(m);
    }
  };
  ch.postMessage({ type: 'hello?' } satisfies MirrorMessage);
  c.on('loaded', () => ch.postMessage({ type: 'hello?' } satisfies MirrorMessage));
  // Its own worker only supplies the map; the facilitator's frames replace its one frame.
  c.on('frame', () => undefined);
}
