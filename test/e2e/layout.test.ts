/**
 * The screen at the sizes briefings use (1280×720, 1366×768, 1920×1080): the document never
 * scrolls, even when something asks to scroll it; with both side columns closed the city covers at
 * least half the window; the KPI strip shows the headline indicators with a way to all of them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('layout', () => {
  it('keeps the app fixed to the window and gives the city the room when the columns close', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, baseUrl.replace(/\/$/, ''));
    // One city, the window resized as a presenter would move between screens.
    await page.setViewportSize({ width: 1280, height: 720 });
    await openCity(page, baseUrl);
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      const scrolledBy = () =>
        page.evaluate(() => {
          document.scrollingElement!.scrollTop = 1000;
          window.scrollTo(0, 1000);
          return document.scrollingElement!.scrollTop + window.scrollY;
        });
      const canvasShare = () =>
        page.evaluate(() => {
          const r = document.querySelector('canvas')!.getBoundingClientRect();
          return (r.width * r.height) / (innerWidth * innerHeight);
        });
      expect(await scrolledBy(), `${width}×${height}`).toBe(0);
      // Six headline indicators, and a button to the rest.
      expect(await page.locator('.kpi-strip .kpi').count()).toBe(6);
      await page.getByTestId('kpi-more').click();
      await expect.poll(() => page.locator('.kpi-strip .kpi').count()).toBeGreaterThan(6);
      await page.getByTestId('kpi-more').click();
      await page.getByRole('button', { name: 'Hide the layers column' }).click();
      await page.getByRole('button', { name: 'Hide the details column' }).click();
      await expect.poll(canvasShare, { message: `${width}×${height}` }).toBeGreaterThanOrEqual(0.5);
      expect(await scrolledBy()).toBe(0);
      await expect.poll(() => page.getByRole('button', { name: /Play simulation|Pause simulation/ }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Show the layers column' }).click();
      await page.getByRole('button', { name: 'Show the details column' }).click();
    }
    expect(watch.errors).toEqual([]);
  });
});
