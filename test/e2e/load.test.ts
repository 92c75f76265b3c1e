/**
 * The app opens on the default scenario and draws the city quickly, loads nothing from other
 * origins, keeps its initial JavaScript within budget, and explains a bad address instead of
 * showing a blank page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCity } from './app-fixture';
import { launchBrowser, watchPage, type Browser } from './browser';
import { pixelStats } from './pixels';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const origin = baseUrl.replace(/\/$/, '');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fresh(): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await browser.newPage();
  return { page, watch: watchPage(page, origin) };
}

describe('opening the twin', () => {
  it('draws the default city, not a blank canvas, says how long it took, and shows what is still being prepared', async () => {
    const { page, watch } = await fresh();
    await page.goto(baseUrl);
    // The city comes first; the residents' recorded history finishes behind it, with a progress bar in plain words.
    // (It names the simulation until the residents' history starts, which waits for the city's first draw.)
    const preparing = page.getByRole('progressbar', { name: /^Preparing (the simulation|residents' records)$/ });
    await preparing.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('preparing').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('preparing').innerText()).toMatch(/Preparing (the simulation|residents' records)… \d+ %/);
    const drawnAt = await openCity(page, baseUrl, '', { navigate: false });
    const split = await page.evaluate(() =>
      ['twin:entry', 'twin:worker-started', 'twin:scenario-compiled', 'twin:world-received', 'twin:city-drawn', 'twin:first-frame']
        .map((n) => `${n.slice(5)} ${Math.round(performance.getEntriesByName(n, 'mark')[0]?.startTime ?? NaN)}`)
        .join(', '),
    );
    console.log(`e2e: default city drawn ${Math.round(drawnAt)} ms after navigation (ms from navigation: ${split}; first-frame is the run ready)`);
    // Not a timing target (the machine is shared in CI; npm run bench measures): only that nothing has gone badly wrong.
    expect(drawnAt).toBeLessThan(20_000);
    expect(await preparing.count()).toBe(0);
    await expect.poll(() => page.locator('.scenario-title').textContent()).toContain('Riverford');
    const shot = await page.locator('canvas').screenshot();
    const stats = await pixelStats(page, shot);
    // A blank or single-colour canvas has a handful of colours; a drawn city has thousands.
    expect(stats.distinct).toBeGreaterThan(500);
    expect(stats.topShare).toBeLessThan(0.6);
    // The KPI strip and the layer panel are there for the user.
    await expect.poll(() => page.getByTestId('kpi-peopleWithoutPower').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Show Power' }).isChecked()).toBe(true);
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    // Injected markup cannot run script: the policy has no 'unsafe-inline' (the violation is logged, after the check above).
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: number };
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.head.appendChild(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected = 2');
      img.src = 'data:,';
      document.body.appendChild(img);
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      return w.__injected ?? 0;
    });
    expect(ran).toBe(0);
    await page.close();
  });

  it('is served with a policy that forbids inline scripts and framing, and allows only WebAssembly in the worker', async () => {
    const res = await fetch(baseUrl);
    const policy = res.headers.get('content-security-policy') ?? '';
    const script = policy
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src '));
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    // The built page's own meta policy says the same, minus what only a header can say.
    const html = await res.text();
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toContain("script-src 'self';");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // The worker takes its policy from its own response: it must allow EPANET's WebAssembly.
    const worker = readdirSync(join(distDir, 'assets')).find((f) => /^sim\.worker-.*\.js$/.test(f))!;
    expect((await fetch(`${baseUrl}assets/${worker}`)).headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    // Another page cannot frame the twin.
    const page = await browser.newPage();
    await page.setContent(`<iframe src="${baseUrl}?view=presenter" width="400" height="300"></iframe>`);
    // Chromium shows its own error page in place of a frame the policy refuses.
    await expect.poll(() => page.frames()[1]?.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
    await page.close();
  });

  it('shows a readable error for an unknown scenario name', async () => {
    const { page, watch } = await fresh();
    await page.goto(`${baseUrl}?scenario=no-such-city`);
    const card = page.getByTestId('load-error');
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    expect(text).toContain('no-such-city');
    expect(text).toMatch(/scenario: there is no shipped scenario named "no-such-city"/);
    expect(text).toContain('default');
    expect(text).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack trace
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('shows a readable error for a seed that is not a number', async () => {
    const { page, watch } = await fresh();
    await page.goto(`${baseUrl}?seed=abc`);
    const card = page.getByTestId('load-error');
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    expect(text).toContain('seed');
    expect(text).toContain('"abc" is not a valid seed');
    expect(text).toMatch(/whole number/);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('keeps the JavaScript needed for the first view of the city under 425 kB gzipped', () => {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(initial.length).toBeGreaterThan(0);
    const assets = readdirSync(join(distDir, 'assets'));
    const scene = assets.filter((f) => /^city-scene-.*\.js$/.test(f)).map((f) => `assets/${f}`);
    const worker = assets.filter((f) => /^sim\.worker-.*\.js$/.test(f)).map((f) => `assets/${f}`);
    const gz = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(join(distDir, f))).length, 0);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    const entry = gz(initial);
    const withScene = entry + gz(scene);
    console.log(
      `e2e: gzip sizes: entry ${kb(entry)} (${initial.join(', ')}), + 3D scene chunk ${kb(withScene)}, worker ${kb(gz(worker))} ` +
        `(raw worker ${kb(worker.reduce((n, f) => n + statSync(join(distDir, f)).size, 0))})`,
    );
    expect(scene.length).toBe(1);
    expect(withScene).toBeLessThan(425 * 1024);
    // zod and the scenario loader belong to the worker only.
    for (const f of [...initial, ...scene]) expect(readFileSync(join(distDir, f), 'utf8')).not.toMatch(/ZodError|\$ZodType/);
  });
});
