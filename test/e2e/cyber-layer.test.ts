/**
 * The cyber layers in the browser, on the camera-botnet scenario: the vendor panel says who
 * supplies what and what each vendor's cloud holds where; the comms and camera layers have
 * toggles and draw over the city (the canvas changes when they are hidden); once the botnet's
 * flood starts, congested links show in red. Then, on the CCTV-exfiltration scenario: network zones
 * are listed with their devices and a camera's zone is named in the inspector; isolating the CCTV
 * zone marks it isolated and takes the cameras' view away, so the CCTV panel's street coverage
 * drops from its load-time figure.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity, steadyCanvas, toggleEffect, waitForClock } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';
import { pixelStats } from './pixels';

const baseUrl = inject('baseUrl');
/** Congested-link red and the working-camera cone colour, see src/ui/cyber/cyber-style.ts. */
const CONGESTED = '#e5534b';
/** Corners framing a watched site no camera sees since cameras went dark (cyber-style.ts BLIND_SINCE_COLOR). */
const BLIND_SINCE = '#ff6b5e';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  watchPage(page, baseUrl.replace(/\/$/, ''));
  await openCity(page, baseUrl, '?scenario=camera-botnet');
});
afterAll(async () => {
  await browser?.close();
});

describe('the cyber layers', () => {
  it('lists the vendors with what they supply and where their cloud keeps the data', async () => {
    const panel = page.getByRole('region', { name: 'Vendors and exposure' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const kestrel = panel.getByRole('listitem').filter({ hasText: /Kestrel Vision Systems/ });
    await expect.poll(async () => (await kestrel.textContent()) ?? '').toMatch(/camera/);
    expect(await kestrel.textContent()).toMatch(/dataset\(s\) in Republic of Calderra/);
  });

  it('draws the comms network and camera cones, and hides them with their toggles', async () => {
    const comms = page.getByLabel('Show the comms network layer');
    const cones = page.getByLabel('Show the camera views layer');
    expect(await comms.isChecked()).toBe(true);
    expect(await cones.isChecked()).toBe(true);
    const shot = async () => pixelStats(page, await page.locator('canvas').screenshot(), [], 24);
    const on = await pixelStats(page, await steadyCanvas(page), [], 24);
    await comms.uncheck();
    await cones.uncheck();
    // The canvas redraws on demand: poll until the picture has changed.
    let off = on;
    await expect.poll(async () => (off = await shot()).distinct, { timeout: 10_000 }).not.toBe(on.distinct);
    await comms.check();
    await cones.check();
    console.log(`e2e: distinct colours with the cyber layers ${on.distinct}, without ${off.distinct}`);
  });

  it('marks the backhaul congested once the botnet floods the network, and draws those links red', async () => {
    const links = () => page.evaluate(() => window.__twin.commsLinks());
    expect((await links()).some((l) => l.state === 2)).toBe(false);
    // Red the comms layer draws: pixels near the congested colour with the layer shown less those with it hidden.
    const comms = page.getByLabel('Show the comms network layer');
    const redIn = async (png: Buffer) => (await pixelStats(page, png, [CONGESTED], 40)).near[CONGESTED]!;
    const red = async () => redIn(await page.locator('canvas').screenshot());
    const shownBefore = await redIn(await steadyCanvas(page));
    await comms.uncheck();
    const hiddenBefore = await redIn(await steadyCanvas(page));
    await comms.check();
    // The botnet strikes at about 65 minutes (entry at 5 m, then three 20-minute dwells).
    await page.getByLabel('Simulation speed').selectOption('900');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForClock(page, 70 * 60_000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const congested = (await links()).filter((l) => l.state === 2);
    console.log(`e2e: congested links after the flood: ${congested.map((l) => l.id).join(', ')}`);
    expect(congested.length).toBeGreaterThan(0);
    expect(congested.some((l) => l.id.includes('~internet') || l.id.startsWith('comms-core~agg'))).toBe(true);
    // Now the layer draws red over the city (a link 1 px wide: a hundred pixels at least more than before the flood).
    const { on, off } = await toggleEffect(comms, red, 100, 100 + shownBefore - hiddenBefore);
    console.log(`e2e: red pixels drawn by the comms layer before the flood ${shownBefore - hiddenBefore}, after ${on - off}`);
  });

  // On the camera-botnet run every camera is a botnet member by now, and a botnet camera still
  // counts as seeing; the CCTV-exfiltration run has working cameras to darken.
  it('lists the network zones with their devices and names a camera’s zone in the inspector', async () => {
    await openCity(page, baseUrl, '?scenario=cctv-exfiltration');
    const cctv = page.getByTestId('zone-cctv');
    await expect.poll(async () => (await cctv.textContent()) ?? '').toMatch(/CCTV: cameras and recorders — \d+ devices/);
    expect(await cctv.textContent()).not.toMatch(/isolated/);
    expect(await page.getByLabel('Show the network zones layer').isChecked()).toBe(true);
    const camera = await page.evaluate(() => window.__twin.world()!.assets.find((a) => a.kind === 'camera')!.id);
    await page.evaluate((id) => window.__twin.select(id), camera);
    const zone = page.getByTestId('zone-section');
    await expect.poll(async () => (await zone.textContent()) ?? '').toMatch(/Network zone.*CCTV: cameras and recorders/);
  });

  it('marks the CCTV zone isolated when the inject fires, and the street coverage drops as its cameras go dark', async () => {
    const figure = page.getByTestId('street-coverage');
    await expect.poll(async () => (await figure.textContent()) ?? '').toMatch(/\d/);
    const pct = (t: string) => [...t.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
    const before = pct((await figure.textContent())!);
    console.log(`e2e: street coverage before isolating the CCTV zone: ${(await figure.textContent())!}`);
    const start = before.at(-1)!;
    expect(start).toBeGreaterThan(0);
    // The police headquarters is watched by cameras in the CCTV zone: once they go dark it is framed as newly blind.
    await page.evaluate(() => window.__twin.focus('police-hq'));
    const redIn = async (png: Buffer) => (await pixelStats(page, png, [BLIND_SINCE], 30)).near[BLIND_SINCE]!;
    const red = async () => redIn(await page.locator('canvas').screenshot());
    const redBefore = await redIn(await steadyCanvas(page));
    await page.getByLabel('Other injects').selectOption('isolate-cctv');
    await page.getByRole('button', { name: 'Fire the selected inject now' }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => (await page.getByTestId('zone-cctv').textContent()) ?? '', { timeout: 30_000 }).toMatch(/isolated/);
    // The inspector refreshes on its own 1 s schedule, independently of the legend: wait for it too.
    await expect.poll(async () => (await page.getByTestId('zone-section').textContent()) ?? '', { timeout: 5_000 }).toMatch(/isolated/);
    // Cameras lose the network within minutes of sim time; the worker recomputes coverage within seconds.
    await expect.poll(async () => pct((await figure.textContent()) ?? '').at(-1) ?? start, { timeout: 60_000, interval: 500 }).toBeLessThan(start);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const text = (await figure.textContent())!;
    console.log(`e2e: street coverage after isolating the CCTV zone: ${text}`);
    expect(text).toMatch(/^was [\d.]+%, now [\d.]+%$/);
    expect(pct(text)[0]).toBeGreaterThanOrEqual(start);
    await expect.poll(async () => (await page.getByRole('region', { name: 'CCTV coverage' }).textContent()) ?? '').toMatch(/Newly blind:.*Police Headquarters/);
    // The corner marks appear on the canvas's next redraw.
    let redAfter = 0;
    await expect.poll(async () => (redAfter = await red()), { timeout: 10_000 }).toBeGreaterThan(redBefore + 50);
    console.log(`e2e: newly-blind red pixels near the police headquarters before ${redBefore}, after ${redAfter}`);
  });
});
