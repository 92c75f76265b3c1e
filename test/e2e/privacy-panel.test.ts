/**
 * The privacy panel in the browser: on the default scenario (meter data stolen at 40 min), an
 * analysis in the worker reports the share of residents tied to their household, the unicity
 * curve and each sensitive site's exposure — and the page stays free of errors.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity, waitForClock } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('privacy panel', () => {
  it('analyses what the attacker holds and shows aggregates only', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, baseUrl.replace(/\/$/, ''));
    await openCity(page, baseUrl);
    // Skip past the meter theft (40 min) so the attacker holds something.
    await page.getByRole('button', { name: 'Skip ahead one simulated hour' }).click();
    await waitForClock(page, 45 * 60_000);
    const panel = page.getByRole('region', { name: 'Privacy · what the data reveals' });
    await panel.getByRole('button', { name: 'Analyse' }).click();
    await panel.getByText('tied to their household').waitFor({ timeout: 120_000 });
    const text = await panel.innerText();
    expect(text).toMatch(/held · stolen/);
    expect(await panel.locator('.unicity-chart polyline').count()).toBe(3);
    expect(await panel.locator('.exposure-table tbody tr').count()).toBe(5);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
