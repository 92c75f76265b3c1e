/**
 * The power layer in the browser: lines drawn over the city, a protection trip after the vendor
 * compromise shown in the substation's inspector and the line's own, and the operator (SCADA)
 * view changing what the inspector says about a line whose telemetry is spoofed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity, toggleEffect, waitForClock } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';
import { pixelStats } from './pixels';

const baseUrl = inject('baseUrl');
/** The calm (under 60%) line colour, see src/ui/power/power-style.ts. */
const CALM = '#6ee89e';
const SPOOFED_LINE = 'line-grid-supply-point-eastfield';
let browser: Browser;
let page: Page;
let watch: ReturnType<typeof watchPage>;

const branches = () => page.evaluate(() => window.__twin.powerBranches());
const inspector = () => page.getByTestId('inspector');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  watch = watchPage(page, baseUrl.replace(/\/$/, ''));
  await openCity(page, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe('the power layer', () => {
  it('draws every line in service over the city, and hides them with the layer toggle', async () => {
    const lines = await branches();
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => l.status === 1 && l.loading < 1)).toBe(true);
    const toggle = page.getByLabel('Show the power lines layer');
    expect(await toggle.isChecked()).toBe(true);
    const calm = async () => (await pixelStats(page, await page.locator('canvas').screenshot(), [CALM], 24)).near[CALM]!;
    const { on, off } = await toggleEffect(toggle, calm, 500, 500);
    console.log(`e2e: calm-line pixels with the layer ${on}, without ${off}`);
  });

  it('shows a protection trip after the vendor compromise in the inspector of the substation and of the line', async () => {
    await page.getByTestId('fire-main-inject').click();
    // 15 simulated minutes a second: the trip comes within a minute, and pausing stays well short of
    // the crews' restoration at 3 h.
    await page.getByLabel('Simulation speed').selectOption('900');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await waitForClock(page, 15 * 60_000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();

    // Protection tripped a line the attacker never touched, as flows moved onto it.
    const open = (await branches()).filter((l) => l.status === 0).map((l) => l.id);
    expect(open).toContain('line-southmead-canal-works');

    // Through the asset search (an exercise's decision card may cover the map at this point).
    await page.getByLabel('Find an asset by name or id').fill('substation-canal-works');
    await page.keyboard.press('Enter');
    await expect.poll(() => inspector().locator('h2').first().textContent(), { timeout: 5_000 }).toBe('Canal Works Primary Substation');
    const section = page.getByTestId('power-section');
    const text = await section.innerText();
    expect(text).toMatch(/Energised, shedding load|De-energised/);
    expect(text).toMatch(/Shed\s+\d+(\.\d)? MW/);
    expect(text).toContain('Southmead – Canal Works line');
    expect(text).toContain('Tripped by protection (step 1 of the cascade)');

    await page.getByRole('button', { name: 'Inspect the Southmead – Canal Works line' }).click();
    await expect.poll(() => inspector().locator('h2').first().textContent(), { timeout: 5_000 }).toBe('Southmead – Canal Works line');
    const lineText = await inspector().innerText();
    expect(lineText).toContain('Tripped by protection');
    expect(lineText).toMatch(/Tripped\s+at \d\d:\d\d:\d\d by protection: \d+% of its rating for \d+ s/);
    expect(lineText).toMatch(/Rating\s+\d+(\.\d)? MW/);
    expect(watch.errors).toEqual([]);
  });

  it('shows what SCADA reports in the operator view, and calls out a spoofed reading', async () => {
    await page.evaluate((id) => {
      window.__twin.client.command({ type: 'power.telemetry', mode: 'scale', factor: 0.4, branches: [id] });
      // Telemetry is read on the grid's next minute.
      window.__twin.client.step(2 * 60_000);
    }, SPOOFED_LINE);
    await page.waitForFunction(
      (id) => {
        const l = window.__twin.powerBranches().find((b) => b.id === id)!;
        return Math.abs(l.reportedFlowMW - l.flowMW * 0.4) < 0.01 && Math.abs(l.flowMW) > 1;
      },
      SPOOFED_LINE,
      { timeout: 20_000 },
    );
    const line = (await branches()).find((b) => b.id === SPOOFED_LINE)!;
    const mw = (x: number) => `${Math.abs(x).toFixed(1)} MW`;

    await page.evaluate((id) => window.__twin.selectFeature({ layer: 'power-network', id }), SPOOFED_LINE);
    const flow = page.getByTestId('line-flow');
    await expect.poll(() => flow.innerText(), { timeout: 5_000 }).toContain(mw(line.flowMW));
    const note = page.getByTestId('spoof-note');
    expect(await note.innerText()).toBe(`SPOOFED — SCADA shows ${mw(line.reportedFlowMW)}, actually ${mw(line.flowMW)}`);
    expect(await page.getByText(/^OPERATOR VIEW/).count()).toBe(0);

    const operator = page.getByRole('button', { name: 'What operators see (SCADA)' });
    await operator.focus();
    await page.keyboard.press('Enter');
    expect(await operator.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => flow.innerText(), { timeout: 5_000 }).toContain(mw(line.reportedFlowMW));
    expect(await inspector().innerText()).toContain('Flow (SCADA)');
    expect(await page.getByText(/^OPERATOR VIEW/).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Physical truth' }).click();
    await expect.poll(() => flow.innerText(), { timeout: 5_000 }).toContain(mw(line.flowMW));
    expect(watch.errors).toEqual([]);
  });
});
