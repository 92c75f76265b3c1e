/**
 * One hosted exercise on the server: its scenario, the ordered command log, the clock, and who
 * holds which seat. The log and the clock are written to disk (session-disk.ts) before anyone is
 * told of them, so a restarted server resumes exactly where every seat has got to. No sockets
 * here: the hub (hub.ts) turns messages into these calls and broadcasts what they return.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { SeatSpec } from '../sim';
import { control, initialClock, publicClock, stamp, tick, type ClockAction, type ClockState } from '../hosted/clock';
import { refusal, signed, type DecisionSeat } from '../hosted/permissions';
import type { HostedClock, LogEntry, SeatState } from '../hosted/protocol';

/** What the server knows of a scenario: enough to check who may do what. */
export interface ScenarioInfo {
  readonly scenario: string;
  readonly title: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly seats: readonly SeatSpec[];
  readonly decisions: readonly DecisionSeat[];
  /** Null when the command is well formed for this scenario, else what is wrong with it. */
  checkCommand(command: Record<string, unknown>): string | null;
}

export interface Holder {
  readonly token: string;
  readonly seat: string;
  readonly name: string;
}

/** Where a session keeps itself (session-disk.ts; a test may pass a map). */
export interface SessionStore {
  saveMeta(meta: SessionMeta): void;
  appendEntry(entry: LogEntry): void;
  saveClock(clock: SavedClock): void;
  audit(line: Record<string, unknown>): void;
}

export interface SessionMeta {
  readonly id: string;
  readonly code: string;
  readonly scenario: string;
  readonly seed: number;
  readonly created: string;
  readonly holders: readonly Holder[];
}

export interface SavedClock {
  readonly grantedMs: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly endReached: boolean;
}

export const newId = () => randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
const newCode = () => `${randomInt(100, 1000)}-${randomInt(100, 1000)}`;
const newToken = () => randomBytes(18).toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export class HostedSession {
  private clockState: ClockState;
  private readonly holders: Holder[];
  /** Connections per seat now (kept by the hub), for the seat list. */
  readonly connected = new Map<string, number>();
  /** The latest run hash each seat reported, for the "seats agree" line. */
  readonly hashes = new Map<string, { seat: string; name: string; tMs: number; hash: string }>();

  constructor(
    readonly meta: SessionMeta,
    readonly info: ScenarioInfo,
    readonly log: LogEntry[],
    clock: SavedClock | null,
    private readonly store: SessionStore,
    wall: number,
  ) {
    this.holders = [...meta.holders];
    const c = initialClock(info.durationMs, clock?.grantedMs ?? 0, clock?.speed ?? 60);
    this.clockState = { ...c, baseWall: wall, endReached: clock?.endReached ?? false };
    // A restart resumes the clock as it was (playing or not) from the furthest point any seat may have reached.
    if (clock?.playing) this.clockState = control(this.clockState, { action: 'play' }, wall);
  }

  static create(info: ScenarioInfo, store: SessionStore, wall: number, id = newId()): HostedSession {
    const meta: SessionMeta = { id, code: newCode(), scenario: info.scenario, seed: info.seed, created: new Date().toISOString(), holders: [] };
    store.saveMeta(meta);
    const s = new HostedSession(meta, info, [], null, store, wall);
    s.store.saveClock(s.saved());
    return s;
  }

  get id(): string {
    return this.meta.id;
  }

  seatOf(token: string): (Holder & { spec: SeatSpec }) | null {
    const h = this.holders.find((x) => sameText(x.token, token));
    const spec = h ? this.info.seats.find((s) => s.id === h.seat) : undefined;
    return h && spec ? { ...h, spec } : null;
  }

  seats(): SeatState[] {
    return this.info.seats.map((s) => {
      const held = s.role === 'observer' ? [] : this.holders.filter((h) => h.seat === s.id);
      return { id: s.id, title: s.title, role: s.role, view: s.view, heldBy: held[0]?.name ?? null, connected: this.connected.get(s.id) ?? 0 };
    });
  }

  /** The facilitator's seat, taken by whoever opens the session. */
  hostSeat(name: string): Holder {
    const seat = this.info.seats.find((s) => s.role === 'facilitator')!;
    return this.addHolder(seat.id, name || seat.title);
  }

  join(code: string, seatId: string, name: string): Outcome<Holder> {
    if (!sameText(code.replace(/\s/g, ''), this.meta.code)) return { ok: false, reason: 'that join code is not right: ask the facilitator for it' };
    const seat = this.info.seats.find((s) => s.id === seatId);
    if (!seat) return { ok: false, reason: `there is no seat "${seatId}" in this exercise (seats: ${this.info.seats.map((s) => s.id).join(', ')})` };
    const holder = this.holders.find((h) => h.seat === seatId);
    if (seat.role !== 'observer' && holder)
      return { ok: false, reason: `${seat.title} is taken by ${holder.name}: ask the facilitator to free it, or choose another seat` };
    return { ok: true, value: this.addHolder(seatId, name) };
  }

  /** The facilitator frees a seat: every token for it stops working. */
  remove(seatId: string): Outcome<readonly Holder[]> {
    const seat = this.info.seats.find((s) => s.id === seatId);
    if (!seat) return { ok: false, reason: `there is no seat "${seatId}"` };
    if (seat.role === 'facilitator') return { ok: false, reason: 'the facilitator cannot remove their own seat' };
    const gone = this.holders.filter((h) => h.seat === seatId);
    if (gone.length === 0) return { ok: false, reason: `${seat.title} is free already` };
    for (const g of gone) this.holders.splice(this.holders.indexOf(g), 1);
    this.store.saveMeta({ ...this.meta, holders: this.holders });
    this.hashes.delete(seatId);
    return { ok: true, value: gone };
  }

  /** A command from a seat, checked, signed, stamped and appended: the entry every seat applies. */
  command(by: Holder & { spec: SeatSpec }, command: Record<string, unknown>, wall: number): Outcome<LogEntry> {
    const wrong = this.info.checkCommand(command);
    if (wrong) return { ok: false, reason: wrong };
    const denied = refusal(by.spec, command, this.info.decisions, this.info.seats);
    if (denied) return { ok: false, reason: denied };
    const { tMs, clock } = stamp(this.clockState, wall);
    const entry: LogEntry = { seq: this.log.length + 1, tMs, command: signed(command, by.spec, by.name), seat: by.seat, name: by.name };
    // On disk before anyone hears of it: a restart never forgets what a seat has applied.
    this.store.appendEntry(entry);
    this.log.push(entry);
    this.setClock(clock);
    return { ok: true, value: entry };
  }

  clockAction(by: Holder & { spec: SeatSpec }, action: ClockAction, wall: number): Outcome<HostedClock> {
    if (by.spec.role !== 'facilitator') return { ok: false, reason: 'only the facilitator moves the clock' };
    this.setClock(control(this.clockState, action, wall));
    return { ok: true, value: this.clock(wall) };
  }

  /** Moves the clock on to `wall`; true when the grant moved (seats need telling). */
  advance(wall: number): boolean {
    const before = this.clockState;
    const next = tick(before, wall);
    if (next === before) return false;
    this.setClock(next);
    return next.grantedMs !== before.grantedMs || next.playing !== before.playing;
  }

  clock(wall: number): HostedClock {
    return publicClock(this.clockState, wall);
  }

  get playing(): boolean {
    return this.clockState.playing;
  }

  private setClock(next: ClockState): void {
    const prev = this.clockState;
    this.clockState = next;
    const changed = next.grantedMs !== prev.grantedMs || next.playing !== prev.playing || next.speed !== prev.speed || next.endReached !== prev.endReached;
    if (changed) this.store.saveClock(this.saved());
  }

  private saved(): SavedClock {
    const c = this.clockState;
    return { grantedMs: c.grantedMs, playing: c.playing, speed: c.speed, endReached: c.endReached };
  }

  private addHolder(seat: string, name: string): Holder {
    const h: Holder = { token: newToken(), seat, name };
    this.holders.push(h);
    this.store.saveMeta({ ...this.meta, holders: this.holders });
    return h;
  }
}
