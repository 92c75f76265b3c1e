/**
 * The WebSocket side of `twin serve` (the `ws` library does the protocol): each connection sends
 * the messages of hosted/protocol.ts, is checked for size, rate and permission, and hears what
 * its session broadcasts. A refused message is answered with the reason and written to the
 * session's audit log. Only pages from this server's own origin may connect.
 */
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientMessageSchema, MAX_MESSAGE_BYTES, parseMessage, type ClientMessage, type ServerMessage } from '../hosted/protocol';
import { HostedSession, newId, type Holder, type ScenarioInfo, type SessionStore } from './session';
import type { SeatSpec } from '../sim';

/** Messages a connection may send: a burst of BURST, then RATE a second. */
const BURST = 40;
const RATE = 10;
/** A connection that keeps sending after being refused for rate this many times is closed. */
const MAX_STRIKES = 20;
const BROADCAST_MS = 200;

interface Conn {
  readonly ws: WebSocket;
  readonly ip: string;
  session: HostedSession | null;
  holder: (Holder & { spec: SeatSpec }) | null;
  tokens: number;
  lastRefill: number;
  strikes: number;
}

export interface HubDeps {
  readonly sessions: Map<string, HostedSession>;
  /** Compiles a shipped scenario by name, or says why it cannot. */
  scenarioInfo(name: string, seed: number | undefined): ScenarioInfo | string;
  storeFor(id: string): SessionStore;
  now(): number;
  log(line: string): void;
}

export class Hub {
  private readonly wss: WebSocketServer;
  private readonly conns = new Set<Conn>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    server: Server,
    private readonly deps: HubDeps,
  ) {
    this.wss = new WebSocketServer({
      server,
      path: '/hosted',
      maxPayload: MAX_MESSAGE_BYTES,
      verifyClient: ({ req }: { req: IncomingMessage }) => sameOrigin(req),
    });
    this.wss.on('connection', (ws, req) => this.open(ws, req));
    // While a clock plays, seats hear it a few times a second (and the grant moves ahead of them).
    this.timer = setInterval(() => this.advanceAll(), BROADCAST_MS);
  }

  close(): void {
    clearInterval(this.timer);
    for (const c of this.conns) c.ws.terminate();
    this.wss.close();
  }

  private open(ws: WebSocket, req: IncomingMessage): void {
    const c: Conn = { ws, ip: req.socket.remoteAddress ?? '?', session: null, holder: null, tokens: BURST, lastRefill: this.deps.now(), strikes: 0 };
    this.conns.add(c);
    ws.on('message', (data, isBinary) => this.receive(c, isBinary ? null : data.toString()));
    ws.on('close', () => {
      this.conns.delete(c);
      this.leave(c);
    });
    ws.on('error', () => ws.terminate());
  }

  private leave(c: Conn): void {
    if (c.session && c.holder) {
      const n = (c.session.connected.get(c.holder.seat) ?? 1) - 1;
      c.session.connected.set(c.holder.seat, Math.max(0, n));
      this.broadcast(c.session, { t: 'seats', seats: c.session.seats() });
    }
    c.session = null;
    c.holder = null;
  }

  private send(c: Conn, msg: ServerMessage): void {
    if (c.ws.readyState === c.ws.OPEN) c.ws.send(JSON.stringify(msg));
  }

  private broadcast(s: HostedSession, msg: ServerMessage): void {
    const text = JSON.stringify(msg);
    for (const c of this.conns) if (c.session === s && c.ws.readyState === c.ws.OPEN) c.ws.send(text);
  }

  private refuse(c: Conn, about: string, reason: string): void {
    this.send(c, { t: 'refused', reason, about });
    const who = c.holder ? `${c.holder.seat} (${c.holder.name})` : `unjoined ${c.ip}`;
    this.deps.log(`refused ${about} from ${who}${c.session ? ` in ${c.session.id}` : ''}: ${reason}`);
    if (c.session) this.deps.storeFor(c.session.id).audit({ refused: about, seat: c.holder?.seat ?? null, name: c.holder?.name ?? null, ip: c.ip, reason });
  }

  private allowRate(c: Conn): boolean {
    const now = this.deps.now();
    c.tokens = Math.min(BURST, c.tokens + ((now - c.lastRefill) / 1000) * RATE);
    c.lastRefill = now;
    if (c.tokens >= 1) {
      c.tokens -= 1;
      return true;
    }
    return false;
  }

  private receive(c: Conn, text: string | null): void {
    if (!this.allowRate(c)) {
      if (++c.strikes >= MAX_STRIKES) c.ws.close(1008, 'too many messages');
      else this.refuse(c, 'message', `more than ${RATE} messages a second: slow down`);
      return;
    }
    if (text === null) return this.refuse(c, 'message', 'binary messages are not accepted');
    const parsed = parseMessage(clientMessageSchema, text);
    if (!parsed.ok) return this.refuse(c, 'message', parsed.reason);
    this.handle(c, parsed.msg);
  }

  private handle(c: Conn, m: ClientMessage): void {
    const now = this.deps.now();
    switch (m.t) {
      case 'lobby': {
        const s = this.deps.sessions.get(m.session);
        if (!s) return this.refuse(c, 'lobby', `there is no exercise "${m.session}" on this server: check the link`);
        this.send(c, { t: 'lobby', session: s.id, title: s.info.title, scenario: s.info.scenario, seats: s.seats() });
        return;
      }
      case 'host': {
        const info = this.deps.scenarioInfo(m.scenario, m.seed);
        if (typeof info === 'string') return this.refuse(c, 'host', info);
        const id = newId();
        const s = HostedSession.create(info, this.deps.storeFor(id), now, id);
        return this.enter(c, s, s.hostSeat(m.name ?? ''), 1, true);
      }
      case 'join': {
        const s = this.deps.sessions.get(m.session);
        if (!s) return this.refuse(c, 'join', `there is no exercise "${m.session}" on this server: check the link`);
        const r = s.join(m.code, m.seat, m.name);
        if (!r.ok) return this.refuse(c, 'join', r.reason);
        this.deps.storeFor(s.id).audit({ joined: m.seat, name: m.name, ip: c.ip });
        return this.enter(c, s, r.value, 1, false);
      }
      case 'resume': {
        const s = this.deps.sessions.get(m.session);
        if (!s) return this.refuse(c, 'resume', `there is no exercise "${m.session}" on this server any more`);
        const h = s.seatOf(m.token);
        if (!h) {
          this.send(c, { t: 'removed', reason: 'your seat was freed by the facilitator: join again with the code' });
          return;
        }
        const from = Math.min(Math.max(1, (m.have ?? 0) + 1), s.log.length + 1);
        return this.enter(c, s, h, from, false);
      }
      default:
        break;
    }
    const s = c.session;
    const h = c.holder;
    if (!s || !h) return this.refuse(c, m.t, 'join the exercise first');
    switch (m.t) {
      case 'command': {
        const r = s.command(h, m.command, now);
        if (!r.ok) return this.refuse(c, `command ${String(m.command.type ?? '')}`.trim(), r.reason);
        this.broadcast(s, { t: 'entry', entry: r.value, clock: s.clock(now) });
        return;
      }
      case 'clock': {
        const action =
          m.action === 'speed'
            ? m.speed
              ? { action: 'speed' as const, speed: m.speed }
              : null
            : m.action === 'jump'
              ? m.ms
                ? { action: 'jump' as const, ms: m.ms }
                : null
              : { action: m.action };
        if (!action) return this.refuse(c, 'clock', m.action === 'speed' ? 'a speed change needs "speed"' : 'a jump needs "ms"');
        const r = s.clockAction(h, action, now);
        if (!r.ok) return this.refuse(c, 'clock', r.reason);
        this.broadcast(s, { t: 'clock', clock: r.value });
        return;
      }
      case 'remove': {
        if (h.spec.role !== 'facilitator') return this.refuse(c, 'remove', 'only the facilitator can free a seat');
        const r = s.remove(m.seat);
        if (!r.ok) return this.refuse(c, 'remove', r.reason);
        s.connected.set(m.seat, 0);
        for (const other of this.conns) {
          if (other.session === s && other.holder && r.value.some((g) => g.token === other.holder!.token)) {
            this.send(other, { t: 'removed', reason: 'the facilitator freed your seat' });
            other.session = null;
            other.holder = null;
            other.ws.close(1000, 'removed');
          }
        }
        s.connected.set(m.seat, 0);
        this.deps.storeFor(s.id).audit({ removed: m.seat, by: h.name });
        this.broadcast(s, { t: 'seats', seats: s.seats() });
        return;
      }
      case 'hash': {
        s.hashes.set(h.seat === 'observer' ? `${h.seat}:${h.name}` : h.seat, { seat: h.seat, name: h.name, tMs: m.tMs, hash: m.hash });
        this.broadcast(s, { t: 'hashes', hashes: [...s.hashes.values()] });
        return;
      }
      default: {
        const never: never = m;
        throw new Error(`unhandled message ${JSON.stringify(never)}`);
      }
    }
  }

  /** Puts a connection in a seat and sends it the log from `from` on, the clock and the seats. */
  private enter(c: Conn, s: HostedSession, holder: Holder, from: number, isHost: boolean): void {
    this.leave(c);
    if (!this.deps.sessions.has(s.id)) this.deps.sessions.set(s.id, s);
    const spec = s.info.seats.find((x) => x.id === holder.seat)!;
    c.session = s;
    c.holder = { ...holder, spec };
    s.connected.set(holder.seat, (s.connected.get(holder.seat) ?? 0) + 1);
    const now = this.deps.now();
    this.send(c, {
      t: 'welcome',
      session: s.id,
      token: holder.token,
      seat: holder.seat,
      name: holder.name,
      code: spec.role === 'facilitator' ? s.meta.code : null,
      scenario: s.info.scenario,
      title: s.info.title,
      seed: s.info.seed,
      from,
      log: s.log.slice(from - 1),
      clock: s.clock(now),
      seats: s.seats(),
    });
    if (isHost) this.deps.log(`session ${s.id} opened on ${s.info.scenario} (join code ${s.meta.code})`);
    this.broadcast(s, { t: 'seats', seats: s.seats() });
    if (s.hashes.size > 0) this.send(c, { t: 'hashes', hashes: [...s.hashes.values()] });
  }

  private advanceAll(): void {
    const now = this.deps.now();
    for (const s of this.deps.sessions.values()) {
      if (!s.playing) continue;
      if (s.advance(now) || s.playing) this.broadcast(s, { t: 'clock', clock: s.clock(now) });
    }
  }
}

/** A browser sends Origin; only pages served from this host may open a session socket. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser (a test client, a script on the LAN): the join code still applies
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
