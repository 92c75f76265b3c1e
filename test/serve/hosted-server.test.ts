/**
 * `twin serve`'s exercise host over real WebSockets: hosting, joining with the code, who may send
 * what, the ordered log with its stamps, malformed and oversized messages, removing a seat, and a
 * restart that resumes the session from disk with nothing lost.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { scenarioInfo } from '../../src/cli/serve';
import type { ServerMessage } from '../../src/hosted/protocol';
import { startServer, type RunningServer } from '../../src/serve/server';
import { cliAsync } from '../support/cli';

const dist = mkdtempSync(join(tmpdir(), 'citytwin-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>citytwin</title>');
const data = mkdtempSync(join(tmpdir(), 'citytwin-sessions-'));
const lines: string[] = [];
const start = (port = 0) => startServer({ port, host: '127.0.0.1', distDir: dist, dataDir: data, scenarioInfo, log: (l) => lines.push(l) });

/** A seat's connection: what it has heard, and a way to wait for the next message of a kind. */
class Seat {
  readonly heard: ServerMessage[] = [];
  private waiters: { t: string; ok: (m: ServerMessage) => void }[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as ServerMessage;
      this.heard.push(m);
      const w = this.waiters.find((x) => x.t === m.t);
      if (w) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.ok(m);
      }
    });
  }
  static open(port: number): Promise<Seat> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/hosted`);
    return new Promise((ok, fail) => {
      ws.once('open', () => ok(new Seat(ws)));
      ws.once('error', fail);
    });
  }
  next<T extends ServerMessage['t']>(t: T): Promise<Extract<ServerMessage, { t: T }>> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no "${t}" message within 10 s; heard ${this.heard.map((m) => m.t).join(', ')}`)), 10_000);
      this.waiters.push({ t, ok: (m) => (clearTimeout(timer), ok(m as Extract<ServerMessage, { t: T }>)) });
    });
  }
  send(m: unknown): void {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }
  async ask<T extends ServerMessage['t']>(m: unknown, t: T): Promise<Extract<ServerMessage, { t: T }>> {
    const p = this.next(t);
    this.send(m);
    return p;
  }
}

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server?.close();
});

describe('twin serve: hosted exercise', () => {
  it('orders commands from permitted seats, refuses the rest with a reason, and resumes after a restart', async () => {
    const host = await Seat.open(server.port);
    const hosted = await host.ask({ t: 'host', scenario: 'default', name: 'Fiona' }, 'welcome');
    expect(hosted.seat).toBe('facilitator');
    expect(hosted.code).toMatch(/^\d{3}-\d{3}$/);
    expect(hosted.seats.map((s) => s.id)).toEqual(['facilitator', 'grid', 'water', 'network', 'executive', 'observer']);
    const session = hosted.session;

    const grid = await Seat.open(server.port);
    const lobby = await grid.ask({ t: 'lobby', session }, 'lobby');
    expect(lobby.title).toMatch(/\S/);
    expect((await grid.ask({ t: 'join', session, code: '000-000', seat: 'grid', name: 'Ana' }, 'refused')).reason).toMatch(/join code is not right/);
    const gw = await grid.ask({ t: 'join', session, code: hosted.code, seat: 'grid', name: 'Ana' }, 'welcome');
    expect(gw.code).toBeNull();
    const water = await Seat.open(server.port);
    await water.ask({ t: 'join', session, code: hosted.code, seat: 'water', name: 'Wen' }, 'welcome');
    const thief = await Seat.open(server.port);
    expect((await thief.ask({ t: 'join', session, code: hosted.code, seat: 'grid', name: 'Eve' }, 'refused')).reason).toMatch(/Grid team is taken by Ana/);

    // Only the facilitator fires injects or moves the clock.
    expect((await grid.ask({ t: 'command', command: { type: 'inject.fire', inject: 'vendor-compromise' } }, 'refused')).reason).toBe(
      'only the facilitator fires, holds or skips injects',
    );
    expect((await grid.ask({ t: 'clock', action: 'play' }, 'refused')).reason).toBe('only the facilitator moves the clock');
    // Malformed: not JSON, an unknown message, a command the scenario's schema refuses.
    expect((await grid.ask('{nope', 'refused')).reason).toBe('message is not JSON');
    expect((await grid.ask({ t: 'launch' }, 'refused')).reason).toMatch(/^t: /);
    expect((await host.ask({ t: 'command', command: { type: 'inject.fire' } }, 'refused')).reason).toMatch(/^command\.inject: /);

    const jumped = await host.ask({ t: 'clock', action: 'jump', ms: 5 * 60_000 }, 'clock');
    expect(jumped.clock.grantedMs).toBe(300_000);
    const fired = water.next('entry');
    await host.ask({ t: 'command', command: { type: 'inject.fire', inject: 'vendor-compromise' } }, 'entry');
    const { entry: e1, clock } = await fired;
    expect(e1).toMatchObject({ seq: 1, tMs: 300_000, seat: 'facilitator', name: 'Fiona' });
    // Paused: the clock moved on one tick so the command lands at once.
    expect(clock.grantedMs).toBe(300_500);

    expect((await water.ask({ t: 'command', command: { type: 'decision.take', decision: 'restore-or-isolate', option: 'wait' } }, 'refused')).reason).toMatch(
      /is for Grid team to decide, not Water team/,
    );
    const seen = water.next('entry');
    await grid.ask(
      { t: 'command', command: { type: 'decision.take', decision: 'restore-or-isolate', option: 'isolate-then-crews', rationale: 'attacker still inside' } },
      'entry',
    );
    const e2 = (await seen).entry;
    expect(e2).toMatchObject({ seq: 2, tMs: 300_500, seat: 'grid', command: { by: 'Grid team (Ana)', rationale: 'attacker still inside' } });

    // Too big: the socket is closed by the transport (1009), the server stays up.
    const big = await Seat.open(server.port);
    const closed = new Promise<number>((ok) => big.ws.once('close', (code) => ok(code)));
    big.send({ t: 'lobby', session: 'x'.repeat(70_000) });
    expect(await closed).toBe(1009);

    // The facilitator frees a seat: its holder is told and its token stops working.
    const observer = await Seat.open(server.port);
    const ow = await observer.ask({ t: 'join', session, code: hosted.code, seat: 'observer', name: 'Olu' }, 'welcome');
    const removed = observer.next('removed');
    await host.ask({ t: 'remove', seat: 'observer' }, 'seats');
    expect((await removed).reason).toMatch(/freed your seat/);
    const again = await Seat.open(server.port);
    expect((await again.ask({ t: 'resume', session, token: ow.token }, 'removed')).reason).toMatch(/freed/);

    // Too many: past a burst, a connection gets a reason instead of an answer.
    const chatty = await Seat.open(server.port);
    for (let i = 0; i < 60; i++) chatty.send({ t: 'lobby', session });
    await expect.poll(() => chatty.heard.filter((m) => m.t === 'refused' && /messages a second/.test(m.reason)).length).toBeGreaterThan(0);
    expect(chatty.heard.filter((m) => m.t === 'lobby').length).toBeLessThan(60);
    chatty.ws.close();

    // The audit log on disk names every refusal.
    const audit = readFileSync(join(data, session, 'audit.jsonl'), 'utf8');
    expect(audit).toMatch(/only the facilitator fires, holds or skips injects/);
    expect(audit).toMatch(/is for Grid team to decide/);

    // Restart: the log and clock come back from disk; a seat resumes with its token and gets only what it lacks.
    for (const s of [host, grid, water, thief, again]) s.ws.close();
    await server.close();
    server = await start();
    expect(lines.some((l) => l.includes(`session ${session} resumed on default: 2 commands`))).toBe(true);
    const back = await Seat.open(server.port);
    const resumed = await back.ask({ t: 'resume', session, token: gw.token, have: 1 }, 'welcome');
    expect(resumed.seat).toBe('grid');
    expect(resumed.from).toBe(2);
    expect(resumed.log.map((e) => e.seq)).toEqual([2]);
    expect(resumed.clock.grantedMs).toBe(301_000);
    const late = await Seat.open(server.port);
    const lw = await late.ask({ t: 'join', session, code: hosted.code, seat: 'executive', name: 'Eli' }, 'welcome');
    expect(lw.log.map((e) => [e.seq, e.tMs, e.command.type])).toEqual([
      [1, 300_000, 'inject.fire'],
      [2, 300_500, 'decision.take'],
    ]);
    back.ws.close();
    late.ws.close();
  });

  it('serves the built app with its security headers and nothing outside it', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>citytwin</title>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/.env', '/nope.js']) expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('says how to fix a missing build or a bad port instead of failing', async () => {
    const missing = await cliAsync(['serve', '--dist', join(data, 'no-build'), '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/holds no built app: run `npm run build` first/);
    const port = await cliAsync(['serve', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.err).toMatch(/--port must be a whole number/);
  });
});
