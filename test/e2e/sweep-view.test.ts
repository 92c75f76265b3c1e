/**
 * Sweep results in the browser: the shipped sweep's summary opens from the left column with its
 * ranked table (a row per variant) and a plot per figure with a dot per run; a file that is not a
 * summary is refused with a sentence; Esc closes the panel. The page stays free of errors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const ROOT = resolve(__dirname, '../..');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sweep results', () => {
  it('shows the shipped sweep as a ranked table and plots, and refuses a file that is not a summary', async () => {
    const summary = JSON.parse(readFileSync(resolve(ROOT, 'sweeps/results/camera-vendor-policies/summary.json'), 'utf8')) as {
      variants: { label: string; figures: Record<string, { values: (number | null)[] }> }[];
      figures: { id: string }[];
      ranking: string[];
    };
    const page = await browser.newPage();
    const watch = watchPage(page, baseUrl.replace(/\/$/, ''));
    await openCity(page, baseUrl, '?scenario=cctv-exfiltration');
    await page.getByRole('button', { name: /Sweep results/ }).click();
    const view = page.getByRole('dialog', { name: 'Sweep results' });
    await view.getByRole('button', { name: 'Shipped: camera vendor policies' }).click();
    await expect.poll(() => view.locator('.sweep-table tbody tr').count()).toBe(summary.variants.length);
    // Ranked: the first row is the summary's best variant.
    const first = summary.variants.find((v) => (v as unknown as { id: string }).id === summary.ranking[0])!;
    expect(await view.locator('.sweep-table tbody tr').first().innerText()).toContain(first.label);
    expect(await view.locator('figure svg').count()).toBe(summary.figures.length);
    const dots = summary.variants.reduce((n, v) => n + v.figures[summary.figures[0]!.id]!.values.filter((x) => x !== null).length, 0);
    expect(await view.locator('figure svg').first().locator('circle').count()).toBe(dots);

    await view.getByTestId('sweep-file').setInputFiles(resolve(ROOT, 'scenarios/default.json'));
    await expect.poll(() => view.getByRole('alert').innerText()).toContain('not a sweep summary');
    await page.keyboard.press('Escape');
    await expect.poll(() => view.count()).toBe(0);
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });
});
