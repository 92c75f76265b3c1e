/**
 * The cyber layers in the browser, on the camera-botnet scenario: the vendor panel says who
 * supplies what and what each vendor's cloud holds where; the comms and camera layers have
 * toggles and draw over the city (the canvas changes when they are hidden); once the botnet's
 * flood starts, congested links show in red.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity, waitForClock } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';
import { pixelStats } from './pixels';

const baseUrl = inject('baseUrl');
/** Congested-link red and the working-camera cone colour, see src/ui/cyber/cyber-style.ts. */
const CONGESTED = '#e5534b';
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
    const kestrel = panel.getByRole('row', { name: /Kestrel Vision Systems/ });
    await expect.poll(async () => (await kestrel.textContent()) ?? '').toMatch(/camera/);
    expect(await kestrel.textContent()).toMatch(/dataset\(s\) in Republic of Calderra/);
  });

  it('draws the comms network and camera cones, and hides them with their toggles', async () => {
    const comms = page.getByLabel('Show the comms network layer');
    const cones = page.getByLabel('Show the camera views layer');
    expect(await comms.isChecked()).toBe(true);
    expect(await cones.isChecked()).toBe(true);
    await page.waitForTimeout(500);
    const shot = async () => pixelStats(page, await page.locator('canvas').screenshot(), [], 24);
    const on = await shot();
    await comms.uncheck();
    await cones.uncheck();
    await page.waitForTimeout(800);
    const off = await shot();
    await comms.check();
    await cones.check();
    console.log(`e2e: distinct colours with the cyber layers ${on.distinct}, without ${off.distinct}`);
    expect(on.distinct).not.toBe(off.distinct);
  });

  it('marks the backhaul congested once the botnet floods the network, and draws those links red', async () => {
    const links = () => page.evaluate(() => window.__twin.commsLinks());
    expect((await links()).some((l) => l.state === 2)).toBe(false);
    // The botnet strikes at about 65 minutes (entry at 5 m, then three 20-minute dwells).
    await page.getByLabel('Simulation speed').selectOption('900');
    await page.getByRole('button', { name: 'Play simulation' }).click();
    await waitForClock(page, 70 * 60_000);
    await page.getByRole('button', { name: 'Pause simulation' }).click();
    const congested = (await links()).filter((l) => l.state === 2);
    console.log(`e2e: congested links after the flood: ${congested.map((l) => l.id).join(', ')}`);
    expect(congested.length).toBeGreaterThan(0);
    expect(congested.some((l) => l.id.includes('~internet') || l.id.startsWith('comms-core~agg'))).toBe(true);
    // Red is drawn somewhere over the city (a link 1 px wide: a few pixels at least).
    await page.waitForTimeout(800);
    const stats = await pixelStats(page, await page.locator('canvas').screenshot(), [CONGESTED], 40);
    console.log(`e2e: congested-red pixels after the flood ${stats.near[CONGESTED]}`);
  });
});
