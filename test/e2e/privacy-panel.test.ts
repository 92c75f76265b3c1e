/**
 * The privacy panel in the browser: on the default scenario (meter data stolen at 40 min), an
 * analysis in the worker reports the share of residents tied to their household, the unicity
 * curve and each sensitive site's exposure — and the page stays free of errors. The one
 * illustrative trace says why there is none from meters alone, and draws one resident's day once
 * a what-if hands the attacker plates and Wi-Fi probes too.
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

    // Meters alone place nobody: the trace section says why.
    const trace = panel.getByRole('region', { name: 'One illustrative trace' });
    expect(await trace.innerText()).toMatch(/no records of where people went/);
    expect(await trace.locator('.trace-point').count()).toBe(0);
    // With plates and Wi-Fi probes too (a what-if), one synthetic resident's day appears.
    await panel.getByText('What if… (holdings and anonymisation)').click();
    await panel.getByRole('checkbox', { name: 'Attacker holds ANPR plates' }).check();
    await panel.getByRole('checkbox', { name: 'Attacker holds Wi-Fi probes' }).check();
    await trace.locator('.trace-caption', { hasText: 'Wi-Fi probes' }).waitFor({ timeout: 120_000 });
    const caption = await trace.locator('.trace-caption').innerText();
    expect(caption).toMatch(/^From the three datasets the attacker holds \(ANPR plates, Wi-Fi probes, smart meters\), [\d,]+ records under .+ one person/);
    expect(caption).toMatch(/places Resident R-\d{4,} \(synthetic\) at home .* — (right|wrong)/);
    expect(await trace.locator('.trace-point').count()).toBeGreaterThan(3);
    expect(await trace.locator('.trace-path').count()).toBe(1);
    expect(await trace.locator('.trace-home').count()).toBe(1);
    // Only one resident, ever: one label on the whole panel.
    expect(new Set((await panel.innerText()).match(/Resident R-\d+/g))).toHaveProperty('size', 1);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
