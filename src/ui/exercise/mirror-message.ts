/**
 * What the facilitator's window and a presenter window say to each other over their
 * BroadcastChannel, and how the presenter decides what to believe. Any page of the origin can post
 * on the channel, so a presenter takes nothing on trust: every message is checked for shape
 * (a forged or null snapshot is dropped, not drawn), each names the facilitator window that sent
 * it (`from`) and its session (`slot`), and the presenter follows one facilitator — the one that
 * opened it, or else the first to answer — so two facilitator tabs never take turns on the wall.
 * Pure: tested without a browser.
 */
import type { SimSnapshot } from '../../sim';

export interface PresenterHeadline {
  readonly kind: 'inject' | 'pressure' | 'decision';
  readonly title: string;
  readonly text: string;
  readonly tMs: number;
}

export type MirrorMessage =
  | { readonly type: 'hello?' }
  /**
   * A facilitator window's scenario and session. `session` (session-file JSON with the scenario's
   * text) lets the presenter load a scenario that is not shipped.
   */
  | {
      readonly type: 'hello';
      readonly from: string;
      readonly slot: string | null;
      readonly scenario: string;
      readonly seed: number | null;
      readonly session: string | null;
    }
  | {
      readonly type: 'frame';
      readonly from: string;
      readonly slot: string | null;
      readonly snapshot: SimSnapshot;
      readonly headline: PresenterHeadline | null;
      readonly briefing: { readonly title: string; readonly text: string } | null;
      readonly rehearsal: boolean;
    };

export type FrameMessage = Extract<MirrorMessage, { type: 'frame' }>;
export type HelloMessage = Extract<MirrorMessage, { type: 'hello' }>;

const MAX_ID = 100;
const MAX_TITLE = 300;
const MAX_TEXT = 4000;
const MAX_SESSION = 8_000_000;
const MAX_KPIS = 200;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => isStr(v, MAX_ID) && v.length > 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/** A subsystem's part of a snapshot: absent, or an object of typed arrays and plain values (never a function or a getter's surprise). */
function isPart(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (!isObj(v)) return false;
  return Object.values(v).every(
    (x) => x === null || ['number', 'string', 'boolean'].includes(typeof x) || ArrayBuffer.isView(x) || Array.isArray(x) || isObj(x),
  );
}

function readSnapshot(v: unknown): SimSnapshot | null {
  if (!isObj(v) || !isTime(v.tMs) || !isBytes(v.status) || !isBytes(v.compromised) || !isBytes(v.edgeState)) return null;
  if (!isObj(v.kpis)) return null;
  const kpis = Object.entries(v.kpis);
  if (kpis.length > MAX_KPIS || !kpis.every(([, x]) => x === null || (typeof x === 'number' && Number.isFinite(x)))) return null;
  if (v.compromised.length !== v.status.length) return null;
  if (!['power', 'traffic', 'water', 'cyber'].every((k) => isPart(v[k]))) return null;
  return v as unknown as SimSnapshot;
}

function readHeadline(v: unknown): PresenterHeadline | null | undefined {
  if (v === null) return null;
  if (!isObj(v) || !['inject', 'pressure', 'decision'].includes(v.kind as string) || !isStr(v.title, MAX_TITLE) || !isStr(v.text, MAX_TEXT) || !isTime(v.tMs))
    return undefined;
  return { kind: v.kind as PresenterHeadline['kind'], title: v.title, text: v.text, tMs: v.tMs };
}

/** The message, if it has the shape of one; null for anything else (which is then ignored). */
export function readMirror(data: unknown): MirrorMessage | null {
  if (!isObj(data)) return null;
  switch (data.type) {
    case 'hello?':
      return { type: 'hello?' };
    case 'hello': {
      const { from, slot, scenario, seed, session } = data;
      if (!isId(from) || !(slot === null || isId(slot)) || !isId(scenario)) return null;
      if (!(seed === null || (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0))) return null;
      if (!(session === null || isStr(session, MAX_SESSION))) return null;
      return { type: 'hello', from, slot, scenario, seed, session };
    }
    case 'frame': {
      const { from, slot, rehearsal } = data;
      if (!isId(from) || !(slot === null || isId(slot)) || typeof rehearsal !== 'boolean') return null;
      const snapshot = readSnapshot(data.snapshot);
      const headline = readHeadline(data.headline);
      const b = data.briefing;
      const briefing = b === null ? null : isObj(b) && isStr(b.title, MAX_TITLE) && isStr(b.text, MAX_TEXT) ? { title: b.title, text: b.text } : undefined;
      if (!snapshot || headline === undefined || briefing === undefined) return null;
      return { type: 'frame', from, slot, snapshot, headline, briefing, rehearsal };
    }
    default:
      return null;
  }
}

/** How long a followed facilitator may stay silent before the presenter takes up another (facilitators send at least once a second). */
export const SILENT_MS = 10_000;

/**
 * The presenter's side of the channel: which facilitator it follows and which of its messages it
 * shows. `pinned` is the facilitator that opened the window (?follow=), which it follows only.
 */
export class MirrorFollower {
  private following: string | null;
  private slot: string | null = null;
  private heardAt = -Infinity;
  /** Messages dropped (wrong shape, another facilitator, another session, a snapshot of another city). */
  ignored = 0;

  constructor(
    private readonly pinned: string | null,
    private readonly now: () => number,
  ) {
    this.following = pinned;
  }

  /** The facilitator window followed, or null while waiting for one. */
  get leader(): string | null {
    return this.following;
  }

  /**
   * What to do with a message: a hello to load from, a frame to show, or null to ignore it.
   * `world` is the city the presenter has loaded (asset and edge counts), null while loading.
   */
  accept(data: unknown, world: { assets: number; edges: number } | null): HelloMessage | FrameMessage | null {
    const m = readMirror(data);
    if (!m) return this.drop();
    // Another presenter asking facilitators to say hello: nothing for this one.
    if (m.type === 'hello?') return null;
    const silent = this.now() - this.heardAt > SILENT_MS;
    if (m.from !== this.following) {
      // Only a hello (which says what to load) can make a facilitator the one followed, and only
      // while none is, or the one followed has gone quiet; never when the window was opened by one.
      if (m.type !== 'hello' || this.pinned !== null || (this.following !== null && !silent)) return this.drop();
      this.following = m.from;
    }
    this.heardAt = this.now();
    if (m.type === 'hello') {
      this.slot = m.slot;
      return m;
    }
    // A frame of a session other than the one announced (the facilitator switched sessions), or of another city, is not drawn.
    if (m.slot !== this.slot) return this.drop();
    if (!world || m.snapshot.status.length !== world.assets || m.snapshot.edgeState.length !== world.edges) return this.drop();
    return m;
  }

  private drop(): null {
    this.ignored++;
    return null;
  }
}
