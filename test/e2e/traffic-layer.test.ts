/**
 * The traffic layer in the browser, on the default city with busy streets: vehicles are drawn over the streets and
 * hidden with the layer's toggle; clicking a vehicle rings it and opens it in the inspector with why it waits,
 * the car it waits on (a link that opens that car) and the rest of its route; a traffic signal's
 * inspector lists its movements with what each shows now.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity, steadyCanvas, toggleEffect, waitForClock } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';
import { pixelStats } from './pixels';

const baseUrl = inject('baseUrl');
/** Vehicle colours, see src/ui/traffic/traffic-style.ts VEHICLE_COLOR. */
const MOVING = '#d9dee8';
const WAITING = '#f08c5a';
/** The ring on the inspected vehicle (src/ui/palette.ts SELECTED_COLOR). */
const SELECTED = '#ffffff';
/** Wait reason "in a queue" (src/sim/traffic/vehicles.ts WAIT_REASONS). */
const W_QUEUE = 6;
let browser: Browser;
let page: Page;

const vehicles = () => page.evaluate(() => window.__twin.vehicles());
const inspector = () => page.getByTestId('vehicle-inspector');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  watchPage(page, baseUrl.replace(/\/$/, ''));
  await openCity(page, baseUrl);
  // The default city with busy streets (a trip every 0.1 s between random roads, no attack), five
  // minutes in: queues have formed at the signals.
  const busy = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8'));
  busy.injects = [];
  delete busy.decisions;
  delete busy.briefing;
  busy.traffic = { demand: { randomTrips: { periodS: 0.1, untilS: 3600 } } };
  await page.evaluate((text) => {
    (window as unknown as { before: unknown }).before = window.__twin.world();
    window.__twin.client.loadText('busy-streets', text);
  }, JSON.stringify(busy));
  await page.waitForFunction(() => window.__twin.phase() === 'ready' && window.__twin.world() !== (window as unknown as { before: unknown }).before, null, {
    timeout: 60_000,
  });
  await page.evaluate(() => window.__twin.client.step(5 * 60_000));
  await waitForClock(page, 5 * 60_000);
});
afterAll(async () => {
  await browser?.close();
});

/** The vehicle with the most others within 60 m: a place where the view has something to show. */
function busiest<V extends { x: number; z: number; state: number }>(vs: V[], pick = (_: V) => true): V {
  let best = -1;
  let bestN = -1;
  vs.forEach((v, i) => {
    if (!pick(v)) return;
    const n = vs.filter((u) => Math.hypot(u.x - v.x, u.z - v.z) < 60).length;
    if (n > bestN) [best, bestN] = [i, n];
  });
  return vs[best]!;
}

describe('the traffic layer', () => {
  it('draws the vehicles on the streets, and hides them with the layer toggle', async () => {
    const vs = await vehicles();
    console.log(`e2e: vehicles on the road at 5 min: ${vs.length}`);
    expect(vs.length).toBeGreaterThan(500);
    const v = busiest(vs);
    await page.evaluate(({ x, z }) => window.__twin.focusPoint(x, z, 150), v);
    await steadyCanvas(page);
    const count = async () => {
      const s = await pixelStats(page, await page.locator('canvas').screenshot(), [MOVING, WAITING], 24);
      return s.near[MOVING]! + s.near[WAITING]!;
    };
    const toggle = page.getByLabel('Show the traffic layer');
    expect(await toggle.isChecked()).toBe(true);
    const { on, off } = await toggleEffect(toggle, count, 500, 100);
    console.log(`e2e: vehicle-coloured pixels with the traffic layer ${on}, without ${off}`);
  });

  it('opens a clicked vehicle: why it waits, the car it waits on, and its route', async () => {
    const vs = await vehicles();
    // A queued car, so it has a car to wait on.
    const v = busiest(vs, (u) => (u.state & 15) === W_QUEUE);
    expect((v.state & 15) === W_QUEUE).toBe(true);
    await page.evaluate(({ x, z }) => window.__twin.focusPoint(x, z, 250), v);
    await steadyCanvas(page);
    const at = await page.evaluate(({ x, z }) => window.__twin.screenPositionOfPoint(x, 1, z), v);
    expect(at).not.toBeNull();
    const clip = { x: at!.x - 40, y: at!.y - 40, width: 80, height: 80 };
    const white = async () => (await pixelStats(page, await page.screenshot({ clip }), [SELECTED], 16)).near[SELECTED]!;
    const whiteBefore = await white();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => inspector().isVisible()).toBe(true);
    // The inspected car wears a white ring (drawn on the canvas's next redraw).
    let whiteAfter = 0;
    await expect.poll(async () => (whiteAfter = await white()), { timeout: 10_000 }).toBeGreaterThan(whiteBefore + 40);
    console.log(`e2e: white pixels around the clicked car before ${whiteBefore}, after ${whiteAfter}`);
    // Cars in a queue nearly touch: the click may land on a neighbour.
    const heading = (await inspector().getByRole('heading', { level: 2 }).textContent())!;
    expect(heading).toMatch(/^(Car|Emergency vehicle) #\d+$/);
    const slot = Number(heading.split('#')[1]);
    const clicked = vs.find((u) => u.slot === slot)!;
    expect(Math.hypot(clicked.x - v.x, clicked.z - v.z)).toBeLessThan(15);
    const text = async () => (await inspector().textContent()) ?? '';
    await expect.poll(text).toMatch(/Route ahead/);
    expect(await text()).toMatch(
      /Now(Moving|Waiting at a red signal|In a queue|In slow traffic|Slowing|Stopping for amber|At a stop line|Giving way|Road ahead is full|Turning right|Getting into lane|Merging in turn|Letting a merging car in|Free road)/,
    );
    expect(await text()).toMatch(/Still to go\d+\.\d\d km/);
    console.log(`e2e: vehicle inspector: ${(await text()).slice(0, 200)}`);
    // In a queue, the inspector names the car ahead, and the name opens that car. The click may
    // have opened a neighbour that is not queued: open the queued car itself (as its link would) for this.
    await page.evaluate((id) => window.__twin.selectFeature({ layer: 'traffic-network', id }), `vehicle:${v.slot}`);
    await expect.poll(async () => (await inspector().getByRole('heading', { level: 2 }).textContent()) ?? '').toMatch(new RegExp(`#${v.slot}$`));
    const held = inspector().getByTestId('held-by');
    await expect.poll(() => held.isVisible()).toBe(true);
    const ahead = Number((await held.textContent())!.replace(/\D/g, ''));
    expect(ahead).not.toBe(v.slot);
    await held.click();
    await expect.poll(async () => (await inspector().getByRole('heading', { level: 2 }).textContent()) ?? '').toMatch(new RegExp(`#${ahead}$`));
  });

  it("lists a traffic signal's movements with what each shows now", async () => {
    const signal = await page.evaluate(() => window.__twin.world()!.assets.find((a) => a.kind === 'traffic-signal')!.id);
    await page.evaluate((id) => window.__twin.select(id), signal);
    const table = page.getByTestId('signal-movements');
    await expect.poll(() => table.isVisible()).toBe(true);
    const rows = await table.locator('tbody tr').allTextContents();
    console.log(`e2e: ${signal}: ${rows.length} movements, first ${rows[0]}`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => /(north|south|east|west).*(left|ahead|right).*(green|amber|red|dark)/.test(r))).toBe(true);
  });
});
