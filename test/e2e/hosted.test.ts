/**
 * A hosted exercise end to end: `twin serve` on the built app, a facilitator and two players (grid
 * and water) in browser contexts of their own. The facilitator hosts and fires an inject, the grid
 * seat takes the decision it opens, the water seat sees what was chosen, and every seat shows the
 * same run hash. The server is killed (SIGKILL) and started again mid-exercise: every seat comes
 * back with nothing lost, and a late joiner catches up to the same hash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, watchPage, type Browser } from './browser';

const ROOT = resolve(__dirname, '../..');
const distDir = inject('distDir');
const dataDir = mkdtempSync(join(tmpdir(), 'citytwin-hosted-'));
let port = 0;
let server: ChildProcess | null = null;
const browsers: Browser[] = [];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => ok(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Starts `twin serve` as a user would, and waits for it to say it is serving. */
function startServer(): Promise<ChildProcess> {
  // Node itself with tsx as its loader (not the tsx wrapper, whose child a SIGKILL would leave running).
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--host', '127.0.0.1', '--dist', distDir, '--data', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let said = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`twin serve did not start in 30 s: ${said}`)), 30_000);
    const hear = (d: Buffer) => {
      said += d.toString();
      if (said.includes('citytwin serving')) {
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout!.on('data', hear);
    child.stderr!.on('data', hear);
    child.once('exit', (code) => fail(new Error(`twin serve exited (${code}): ${said}`)));
  });
}

async function seat(): Promise<Page> {
  const b = await launchBrowser();
  browsers.push(b);
  const page = await b.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  return page;
}

async function joinAs(page: Page, link: string, seatTitle: string, name: string, code: string): Promise<void> {
  await page.goto(link);
  const form = page.getByRole('dialog', { name: 'Join the exercise' });
  await form.getByRole('radio', { name: new RegExp(`^${seatTitle}`) }).check();
  await form.getByLabel('Your name').fill(name);
  await form.getByLabel(/Join code/).fill(code);
  await form.getByRole('button', { name: 'Join' }).click();
  await page.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 60_000 });
  await expect.poll(() => page.getByTestId('hosted-status').getAttribute('data-seat')).not.toBe('');
}

/** The run hash a seat shows once the clock is paused and it has caught up, with the time it is for. */
async function shownHash(page: Page, atMs: number): Promise<string> {
  const el = page.getByTestId('hosted-hash');
  await expect.poll(() => el.getAttribute('data-tms'), { timeout: 90_000 }).toBe(String(atMs));
  return (await el.getAttribute('data-hash'))!;
}

beforeAll(async () => {
  port = await freePort();
  server = await startServer();
});
afterAll(async () => {
  server?.kill('SIGKILL');
  for (const b of browsers) await b.close().catch(() => undefined);
});

const t0 = Date.now();
const mark = (what: string) => console.log(`e2e hosted: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);

describe('a hosted exercise', () => {
  it('keeps three seats on one run through an inject, a decision, a server restart and a late joiner', async () => {
    const base = `http://127.0.0.1:${port}/`;
    const fac = await seat();
    const facWatch = watchPage(fac, base.replace(/\/$/, ''));
    await fac.goto(base);
    await fac.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 60_000 });
    await fac.getByRole('button', { name: 'Host this exercise…' }).click();
    await fac.getByLabel('Your name (facilitator)').fill('Fiona');
    await fac.getByRole('button', { name: 'Host', exact: true }).click();
    mark('hosted');
    const link = (await fac.getByTestId('join-link').textContent())!;
    const code = (await fac.getByTestId('join-code').textContent())!;
    expect(link).toContain('join=');
    expect(code).toMatch(/^\d{3}-\d{3}$/);
    await fac.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 60_000 });

    const grid = await seat();
    const water = await seat();
    await Promise.all([joinAs(grid, link, 'Grid team', 'Ana', code), joinAs(water, link, 'Water team', 'Wen', code)]);
    mark('two players joined');
    await expect.poll(() => fac.getByRole('list', { name: 'Seats' }).textContent()).toMatch(/Grid team: Ana.*Water team: Wen/);

    // The facilitator fires the vendor compromise from the console; the grid seat's decision opens on every screen.
    await fac.getByTestId('open-console').click();
    await fac.getByRole('button', { name: /^Fire now: Aurora/ }).click();
    await expect.poll(() => water.getByTestId('hosted-decision').textContent(), { timeout: 30_000 }).toMatch(/waiting for Grid team/);
    await expect.poll(() => water.getByTestId('decision-waiting').count()).toBeGreaterThan(0);
    const card = grid.getByTestId('decision-restore-or-isolate').first();
    await card
      .getByRole('radio', { name: /^Cut Aurora's access/ })
      .first()
      .check();
    await card.getByLabel('Rationale').fill('the attacker still holds the link');
    await card.getByRole('button', { name: /^Take decision/ }).click();
    await expect
      .poll(() => water.getByTestId('hosted-decision').textContent(), { timeout: 30_000 })
      .toMatch(/Grid team \(Ana\) chose .* the attacker still holds the link/);

    mark('decision taken');
    // Paused where it is: all three settle on the same time and the same hash.
    await expect.poll(() => fac.getByTestId('hosted-hash').getAttribute('data-tms'), { timeout: 60_000 }).not.toBeNull();
    const t1 = Number(await fac.getByTestId('hosted-hash').getAttribute('data-tms'));
    const h = await Promise.all([fac, grid, water].map((p) => shownHash(p, t1)));
    expect(new Set(h).size).toBe(1);
    await expect.poll(() => fac.getByTestId('hosted-hash').textContent()).toMatch(/3 seats agree/);

    mark('three hashes agree');
    // Killed mid-exercise, then started again: the seats reconnect by themselves.
    server!.kill('SIGKILL');
    await expect.poll(() => grid.getByTestId('hosted-status').textContent(), { timeout: 15_000 }).toMatch(/reconnecting/);
    server = await startServer();
    for (const p of [fac, grid, water]) await expect.poll(() => p.getByTestId('hosted-status').textContent(), { timeout: 30_000 }).toMatch(/Connected/);
    mark('reconnected after restart');
    // The clock moves on 15 minutes; the decision is still there, taken by the grid seat.
    await fac.getByRole('button', { name: 'Jump ahead 15 simulated minutes' }).click();
    const t2 = t1 + 15 * 60_000;
    const after = await Promise.all([fac, grid, water].map((p) => shownHash(p, t2)));
    expect(new Set(after).size).toBe(1);
    expect(after[0]).not.toBe(h[0]);
    await expect.poll(() => water.getByTestId('hosted-decision').textContent()).toMatch(/Grid team \(Ana\) chose/);

    mark('jumped and agree');
    // A late joiner replays the log and shows the same hash.
    const exec = await seat();
    await joinAs(exec, link, 'Executive', 'Eli', code);
    expect(await shownHash(exec, t2)).toBe(after[0]);
    await expect.poll(() => fac.getByTestId('hosted-hash').textContent()).toMatch(/4 seats agree/);
    mark('late joiner agrees');
    // For a person to look at (.tmp is not committed).
    if (process.env.SCREENS) {
      await fac.screenshot({ path: join(ROOT, '.tmp/hosted-facilitator.png') });
      await water.screenshot({ path: join(ROOT, '.tmp/hosted-water.png') });
    }
    // The browser logs each reconnection attempt made while the server was down; nothing else may be an error.
    expect(facWatch.errors.filter((e) => !/WebSocket connection to .* failed/.test(e))).toEqual([]);
  });
});
