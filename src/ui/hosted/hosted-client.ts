/**
 * The page as a seat at a hosted exercise (`twin serve`). One WebSocket to the host: the page
 * joins or resumes its seat, loads the session's scenario with the log so far, then follows the
 * host's clock and applies each new log entry at the tick it was stamped with. Its own controls
 * (play, speed, jumps, commands) go to the host through the worker client's remote hook, so every
 * seat, this one included, runs the same log. Lost connections are retried; a seat that comes
 * back gets only the entries it lacks. No React here.
 */
import type { Command, LoggedCommand } from '../../sim';
import type { TwinClient } from '../../worker/client';
import { parseMessage, serverMessageSchema, type ClientMessage, type HostedClock, type LogEntry, type ServerMessage } from '../../hosted/protocol';
import { setViewMode, uiStore } from '../store/ui-store';
import { toast } from '../exercise/exercise-store';
import { stopAutosave } from '../exercise/exercise-controller';
import { hostedStore } from './hosted-store';

const TOKEN_KEY = (session: string) => `citytwin-hosted:${session}`;
const HASH_EVERY_MS = 1000;
const RETRY_MS = [500, 1000, 2000, 4000, 5000];

let client: TwinClient | null = null;
let ws: WebSocket | null = null;
let retries = 0;
let loadedScenario: string | null = null;
/** Sent when the socket opens: host, lobby, join or resume. */
let opening: ClientMessage | null = null;
let hashTimer: ReturnType<typeof setInterval> | null = null;
let asking = false;

function socketUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/hosted`;
}

function send(m: ClientMessage): void {
  if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  else toast('Not connected to the exercise host: trying again…', 'warning');
}

function savedToken(session: string): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY(session));
  } catch {
    return null;
  }
}

function connect(first: ClientMessage): void {
  opening = first;
  ws?.close();
  const socket = new WebSocket(socketUrl());
  ws = socket;
  hostedStore.setState((s) => ({ status: s.status === 'live' ? 'reconnecting' : s.status === 'off' ? 'connecting' : s.status }));
  socket.addEventListener('open', () => {
    retries = 0;
    if (opening) socket.send(JSON.stringify(opening));
  });
  socket.addEventListener('message', (ev) => {
    const parsed = parseMessage(serverMessageSchema, String(ev.data));
    if (!parsed.ok) {
      hostedStore.setState({ message: `The host sent something this page cannot read (${parsed.reason})` });
      return;
    }
    receive(parsed.msg);
  });
  socket.addEventListener('close', () => {
    if (ws !== socket) return;
    ws = null;
    const s = hostedStore.getState();
    if (s.status === 'removed' || s.status === 'off') return;
    // Back into the seat when the host is there again (a restart keeps the session on its disk).
    const token = s.session ? savedToken(s.session) : null;
    hostedStore.setState({ status: s.status === 'live' || s.status === 'reconnecting' ? 'reconnecting' : s.status });
    const wait = RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]!;
    setTimeout(() => {
      if (hostedStore.getState().status === 'removed') return;
      connect(s.session && token ? { t: 'resume', session: s.session, token, have: hostedStore.getState().applied } : opening!);
    }, wait);
  });
}

function toLogged(e: LogEntry): LoggedCommand {
  return { tMs: e.tMs, command: e.command as unknown as Command };
}

function follow(clock: HostedClock): void {
  hostedStore.setState({ clock });
  client!.sendLocal({ type: 'follow', clock });
}

function receive(m: ServerMessage): void {
  const c = client!;
  switch (m.t) {
    case 'lobby':
      hostedStore.setState({ status: 'lobby', session: m.session, lobby: { title: m.title, seats: m.seats }, title: m.title });
      return;
    case 'welcome': {
      try {
        localStorage.setItem(TOKEN_KEY(m.session), m.token);
      } catch {
        // a private window: the seat lasts as long as the tab
      }
      const s = hostedStore.getState();
      const seat = m.seats.find((x) => x.id === m.seat);
      const fresh = loadedScenario !== `${m.session}|${m.scenario}|${m.seed}` || m.from !== s.applied + 1;
      hostedStore.setState({
        status: 'live',
        session: m.session,
        lobby: null,
        seat: m.seat,
        role: seat?.role ?? null,
        name: m.name,
        code: m.code ?? s.code,
        title: m.title,
        seats: m.seats,
        message: null,
      });
      if (window.location.search !== `?join=${m.session}`) window.history.replaceState(null, '', `?join=${encodeURIComponent(m.session)}`);
      if (fresh) {
        if (m.from !== 1) {
          // This page lacks entries the host did not resend: ask for the whole log.
          const token = savedToken(m.session);
          if (token) send({ t: 'resume', session: m.session, token, have: 0 });
          return;
        }
        loadedScenario = `${m.session}|${m.scenario}|${m.seed}`;
        uiStore.setState({ scenarioName: m.scenario, phase: 'loading' });
        c.sendLocal({ type: 'follow', clock: null });
        c.sendLocal({ type: 'pause' });
        c.sendLocal({ type: 'load', scenario: m.scenario, seed: m.seed, commands: m.log.map(toLogged) });
        if (seat) setViewMode(seat.view);
        hostedStore.setState({ applied: m.log.length, myHash: null });
      } else {
        for (const e of m.log) apply(e);
      }
      follow(m.clock);
      return;
    }
    case 'entry':
      apply(m.entry);
      follow(m.clock);
      return;
    case 'clock':
      follow(m.clock);
      return;
    case 'seats':
      hostedStore.setState({ seats: m.seats });
      return;
    case 'hashes':
      hostedStore.setState({ hashes: m.hashes });
      return;
    case 'refused':
      if (m.about === 'join' || m.about === 'lobby' || m.about === 'host' || m.about === 'resume') {
        hostedStore.setState((s) => ({ message: m.reason, status: s.status === 'connecting' ? 'error' : s.status }));
        if (m.about === 'resume') hostedStore.setState({ status: 'error' });
      } else toast(`The host refused that: ${m.reason}`, 'warning');
      return;
    case 'removed':
      if (hostedStore.getState().session) {
        try {
          localStorage.removeItem(TOKEN_KEY(hostedStore.getState().session!));
        } catch {
          // nothing kept
        }
      }
      hostedStore.setState({ status: 'removed', message: m.reason });
      return;
    default: {
      const never: never = m;
      throw new Error(`unknown host message ${JSON.stringify(never)}`);
    }
  }
}

/** Applies the next log entry; a gap (a lost message) asks the host for what is missing. */
function apply(e: LogEntry): void {
  const s = hostedStore.getState();
  if (e.seq <= s.applied) return;
  if (e.seq !== s.applied + 1) {
    const token = s.session ? savedToken(s.session) : null;
    if (s.session && token) send({ t: 'resume', session: s.session, token, have: s.applied });
    return;
  }
  client!.sendLocal({ type: 'follow-command', tMs: e.tMs, command: e.command as unknown as Command });
  hostedStore.setState({ applied: e.seq, myHash: null });
}

/** When the clock is paused and this seat has caught up, its run hash goes to the host for every seat to compare. */
async function reportHash(): Promise<void> {
  const s = hostedStore.getState();
  if (asking || s.status !== 'live' || !s.clock || s.clock.playing || uiStore.getState().clockMs !== s.clock.grantedMs) return;
  if (s.myHash?.tMs === s.clock.grantedMs) return;
  asking = true;
  try {
    const h = await client!.hashNow();
    const now = hostedStore.getState();
    if (h.tMs !== now.clock?.grantedMs || now.clock.playing) return;
    hostedStore.setState({ myHash: h });
    send({ t: 'hash', tMs: h.tMs, hash: h.hash });
  } catch {
    // asked again on the next round
  } finally {
    asking = false;
  }
}

function start(c: TwinClient): void {
  client = c;
  stopAutosave();
  c.setRemote({
    clock: (action) => send({ t: 'clock', action }),
    speed: (factor) => send({ t: 'clock', action: 'speed', speed: factor }),
    jump: (ms) => send({ t: 'clock', action: 'jump', ms: Math.max(1, Math.round(ms)) }),
    seekTo: (tMs) => {
      const at = hostedStore.getState().clock?.grantedMs ?? 0;
      if (tMs > at) send({ t: 'clock', action: 'jump', ms: Math.round(tMs - at) });
      else toast('A hosted exercise runs one timeline for every seat: going back in time is not available here', 'warning');
    },
    command: (command) => {
      send({ t: 'command', command: command as unknown as Record<string, unknown> });
      // Applied when the host's log brings it back; a refusal comes as a message of its own.
      return Promise.resolve({ applied: true, refused: [] });
    },
    refuse: (what) => toast(`A hosted exercise runs one timeline for every seat: ${what} is not available here`, 'warning'),
  });
  c.on('follow-error', () => {
    const s = hostedStore.getState();
    const token = s.session ? savedToken(s.session) : null;
    loadedScenario = null;
    hostedStore.setState({ applied: 0 });
    if (s.session && token) send({ t: 'resume', session: s.session, token, have: 0 });
  });
  hashTimer ??= setInterval(() => void reportHash(), HASH_EVERY_MS);
}

/** Opens ?join=SESSION: back into this browser's seat if it has one, else the lobby to pick a seat. */
export function openJoin(c: TwinClient, session: string): void {
  start(c);
  hostedStore.setState({ session });
  const token = savedToken(session);
  connect(token ? { t: 'resume', session, token, have: 0 } : { t: 'lobby', session });
}

export function joinSeat(seat: string, name: string, code: string): void {
  const session = hostedStore.getState().session;
  if (!session) return;
  const m: ClientMessage = { t: 'join', session, seat, name: name.trim() || seat, code: code.trim() };
  opening = m;
  send(m);
}

/** Starts a new hosted session on the scenario this page shows; this page becomes its facilitator. */
export function hostExercise(c: TwinClient, scenario: string, seed: number | undefined, name: string): void {
  start(c);
  connect({ t: 'host', scenario, ...(seed !== undefined ? { seed } : {}), ...(name.trim() ? { name: name.trim() } : {}) });
}

/** The facilitator frees a seat (its holder must join again with the code). */
export function removeSeat(seat: string): void {
  send({ t: 'remove', seat });
}
