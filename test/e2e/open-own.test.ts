/**
 * "Open your own…": an OpenStreetMap extract opened through the chooser is imported in the browser
 * as `twin import osm` does, drawn from its real footprints with its cameras looking where OSM says,
 * kept in IndexedDB so a reload reopens it; and the shipped real place (Levenshulme, whose data
 * lives in assets/) draws and cascades once its inject is fired.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importOsm } from '../../src/scenario/osm-import';
import { openCity, waitForClock } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';

const baseUrl = inject('baseUrl');
const OSM_PATH = fileURLToPath(new URL('../fixtures/eastbridge.osm', import.meta.url));
let browser: Browser;
let page: Page;
let watch: ReturnType<typeof watchPage>;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  watch = watchPage(page, baseUrl.replace(/\/$/, ''));
});
afterAll(async () => {
  await browser?.close();
});

const drawn = (p: Page) => p.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 60_000 });

describe('Open your own…', () => {
  it('imports an .osm extract in the browser, draws its footprints and cameras, and keeps it across a reload', async () => {
    // An address this browser keeps nothing under: the error card says so and offers the chooser.
    await page.goto(`${baseUrl}?scenario=own:0000000000`);
    await expect
      .poll(() => page.getByTestId('load-error').textContent(), { timeout: 30_000 })
      .toContain('this browser keeps no scenario opened as "own:0000000000"');
    await page.getByRole('button', { name: 'Choose another scenario…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a scenario' });
    await expect.poll(() => dialog.getByRole('link', { name: /^Open Levenshulme/ }).count()).toBe(1);
    await dialog.getByLabel('Choose a scenario and its files, or an OpenStreetMap extract').setInputFiles(OSM_PATH);
    await page.waitForURL(/\?scenario=own:[0-9a-f]{10}$/, { timeout: 30_000 });
    await drawn(page);
    console.log(`e2e: own extract drawn ${Math.round(await page.evaluate(() => window.__twin.cityDrawnAt()!))} ms after its page opened`);
    const address = page.url();

    // The same town the command line imports: every footprint, point for point.
    const cli = importOsm(readFileSync(OSM_PATH, 'utf8'), { fileName: 'eastbridge.osm', osmPath: 'eastbridge.osm' });
    if (!cli.ok) throw new Error('the fixture must import');
    const b = cli.loaded.input.city.buildings;
    const town = async () =>
      page.evaluate(() => {
        const w = window.__twin.world()!;
        const o = w.city.buildings.outline;
        return { count: w.city.buildings.count, starts: o ? [...o.start] : null, points: o ? o.xz.length : 0, name: w.city.name, title: w.scenario.title };
      });
    const seen = await town();
    expect(seen.count).toBe(b.count);
    expect(seen.count).toBe(144);
    expect(seen.starts).toEqual([...b.outline!.start.slice(0, b.count + 1)]);
    expect(seen.points).toBe(2 * b.outline!.start[b.count]!);
    expect(await page.getByRole('checkbox', { name: 'Show buildings' }).isChecked()).toBe(true);

    // Cameras look where OSM's camera:direction says: 90 → east, W → 270, NNE → 22.5.
    const cones = await page.evaluate(() => ['camera-osm-n1806', 'camera-osm-n1808', 'camera-osm-n1812'].map((id) => window.__twin.cameraCone(id)));
    expect(cones.map((c) => c?.compassDeg ?? null).map((d) => (d === null ? null : Math.round(d * 10) / 10))).toEqual([90, 270, 22.5]);
    // Where OSM maps it: the camera stands at its node's projected position.
    const n1806 = cli.loaded.input.assets.find((a) => a.id === 'camera-osm-n1806')!;
    expect(cones[0]!.x).toBeCloseTo(n1806.position[0], 1);
    expect(cones[0]!.z).toBeCloseTo(n1806.position[1], 1);

    // Synthesised assets say so; the OSM credit is on the map.
    const synthetic = await page.evaluate(() => window.__twin.world()!.assets.find((a) => a.synthetic)?.id ?? null);
    expect(synthetic).not.toBeNull();
    await page.evaluate((id) => window.__twin.select(id), synthetic!);
    await expect.poll(() => page.getByTestId('inspector-source').textContent()).toContain('Synthesised — not from OpenStreetMap');
    expect(await page.getByTestId('legend-synthetic').textContent()).toMatch(/\d+ of \d+ assets/);
    expect(await page.getByLabel('Map data attribution').textContent()).toContain('© OpenStreetMap contributors');

    // Kept in this browser: a reload opens the same town again.
    await page.reload();
    await page.waitForFunction(() => window.__twin?.phase() === 'ready', null, { timeout: 60_000 });
    expect(page.url()).toBe(address);
    expect(await town()).toEqual(seen);
    // And the chooser lists it among the scenarios opened here.
    await page.getByRole('button', { name: /^Scenarios…/ }).click();
    await expect.poll(() => page.getByRole('dialog').getByText('from eastbridge.osm', { exact: false }).count()).toBe(1);
    expect(watch.errors).toEqual([]);
  });

  it('names a referenced file that was not chosen with the scenario', async () => {
    const scenario = fileURLToPath(new URL('../../scenarios/net1-oldsmar.json', import.meta.url));
    await page.getByRole('dialog').getByLabel('Choose a scenario and its files, or an OpenStreetMap extract').setInputFiles(scenario);
    const issues = page.getByTestId('own-issues');
    await expect.poll(() => issues.textContent(), { timeout: 15_000 }).toContain('a file the scenario references is missing: "Net1.inp"');
    expect(await issues.textContent()).toContain('water.inp');
  });
});

describe('the shipped real place', () => {
  it('draws Levenshulme from assets/ and cascades after its inject is fired', async () => {
    await openCity(page, baseUrl, '?scenario=levenshulme');
    expect(await page.evaluate(() => window.__twin.world()!.city.buildings.count)).toBe(852);
    await page.getByTestId('fire-main-inject').click();
    await page.getByRole('button', { name: 'Skip ahead one simulated hour' }).click();
    await waitForClock(page, 60 * 60_000, 60_000);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const t = window.__twin;
          const hit = t.world()!.assets.filter((a) => t.statusOf(a.id) !== 'ok');
          return [...new Set(hit.map((a) => a.subsystem))].sort();
        }),
      )
      .toEqual(expect.arrayContaining(['power', 'traffic']));
    const subsystems = await page.evaluate(() => {
      const t = window.__twin;
      return [
        ...new Set(
          t
            .world()!
            .assets.filter((a) => t.statusOf(a.id) !== 'ok')
            .map((a) => a.subsystem),
        ),
      ];
    });
    expect(subsystems.length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => window.__twin.assetsWithStatus('down').some((id) => id.startsWith('substation-')))).toBe(true);
  });
});
