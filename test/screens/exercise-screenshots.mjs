/**
 * Screenshots of the exercise UI for a person to look at: builds the app, serves it with
 * `vite preview`, drives headless Chromium (SwiftShader) through the facilitator console and
 * writes /tmp/citytwin-exercise-*.png (console, decision card, compare, presenter, briefing).
 *
 *   node test/screens/exercise-screenshots.mjs
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const outDir = mkdtempSync(join(tmpdir(), 'citytwin-shots-'));
process.env.NODE_ENV = 'production';
await build({ mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const base = server.resolvedUrls.local[0];
const shot = (p) => `/tmp/citytwin-exercise-${p}.png`;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'citytwin-shots-profile-')), {
  executablePath: process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  const idle = () => page.waitForFunction(() => window.__twin.exercise.busy() === null, null, { timeout: 90000, polling: 100 });
  await page.goto(base);
  await page.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 90000 });
  await page.getByTestId('open-console').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('1-console') });
  await page.getByRole('button', { name: /^Fire now: Aurora/ }).click();
  await page.waitForFunction(() => window.__twin.exercise.state()?.decisions.some((d) => d.state === 'open'), null, { timeout: 60000 });
  await page.getByRole('button', { name: 'Close the facilitator console' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('2-decision') });
  await page.getByLabel('Decided by').first().fill('Gold commander');
  await page.getByLabel('Rationale').first().fill('Contain first');
  await page
    .getByRole('button', { name: /^Take decision/ })
    .first()
    .click();
  await page.getByTestId('open-console').click();
  await page.getByRole('button', { name: 'Jump ahead one simulated hour' }).click();
  await page.waitForFunction(() => window.__twin.clockMs() >= 3600000, null, { timeout: 120000 });
  await page.locator('[data-testid=compare] > summary').click();
  await page.getByTestId('compare-baseline').click();
  await page.waitForFunction(() => window.__twin.exercise.compare() != null, null, { timeout: 60000 });
  await page.waitForTimeout(1200);
  await page.locator('[data-testid=compare]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('3-compare') });
  const pres = await ctx.newPage();
  await pres.goto(`${base}?view=presenter`);
  await pres.waitForFunction(() => document.querySelector('[data-testid=presenter-clock]')?.textContent?.startsWith('01:'), null, { timeout: 60000 });
  await pres.waitForTimeout(3000);
  await pres.screenshot({ path: shot('4-presenter') });
  await page.bringToFront();
  await page.getByTestId('start-briefing').click();
  await idle();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: shot('5-briefing') });
  console.log(`wrote ${['1-console', '2-decision', '3-compare', '4-presenter', '5-briefing'].map(shot).join(', ')}`);
} finally {
  await ctx.close();
  await server.close();
}
