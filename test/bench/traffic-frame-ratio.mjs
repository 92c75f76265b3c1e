/**
 * Browser figure for the traffic layer (not a test; run by hand): the frame time of the city view
 * with about 10,000 vehicles on the road against the same view with traffic switched off, as a
 * ratio. Serve a production build first (`npm run build && npm run preview`), then:
 *
 *   node test/bench/traffic-frame-ratio.mjs [http://localhost:4173]
 *
 * Each run loads the default city (injects and decisions removed) either with random trips every
 * 0.05 s — 10,317 vehicles on the road at 10 simulated minutes, counted headless with the same
 * seed — or with "traffic": { "enabled": false }, skips to 10 minutes, then animates the camera
 * between two sites for 8 s while recording requestAnimationFrame intervals. The runs alternate
 * and repeat three times; medians are reported. Headless Chromium uses SwiftShader (software GL),
 * and the machine is shared, so treat the figures as rough.
 */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const url = process.argv[2] ?? 'http://localhost:4173';
const base = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8'));
base.injects = [];
delete base.decisions;
const withCars = { ...base, traffic: { demand: { randomTrips: { periodS: 0.05, untilS: 7200 } } } };
const without = { ...base, traffic: { enabled: false } };
const ctx = await chromium.launchPersistentContext(`/tmp/citytwin-frames-${process.pid}`, {
  executablePath: process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const page = await ctx.newPage();
await page.goto(`${url}/?scenario=default`, { waitUntil: 'load' });
await page.waitForFunction(() => window.__twin && window.__twin.phase() === 'ready', null, { timeout: 120000 });
const runs = { none: [], cars: [] };
for (let r = 0; r < 3; r++) {
  for (const [name, sc] of [
    ['none', without],
    ['cars', withCars],
  ]) {
    await page.evaluate((text) => window.__twin.client.loadText('frame-bench', text), JSON.stringify(sc));
    await page.waitForTimeout(1500);
    await page.waitForFunction(() => window.__twin.phase() === 'ready', null, { timeout: 120000 });
    await page.evaluate(() => window.__twin.client.step(600000));
    await page.waitForFunction(() => window.__twin.clockMs() >= 600000, null, { timeout: 300000 });
    await page.evaluate(() => window.__twin.client.pause());
    await page.waitForTimeout(2000);
    runs[name].push(
      await page.evaluate(async () => {
        const ids = ['hospital', 'police-hq'];
        const d = [];
        const t0 = performance.now();
        let last = t0;
        let k = 0;
        window.__twin.focus(ids[0]);
        await new Promise((done) => {
          const tick = (t) => {
            d.push(t - last);
            last = t;
            if (t - t0 > 800 * (k + 1)) window.__twin.focus(ids[++k % 2]);
            if (t - t0 < 8000) requestAnimationFrame(tick);
            else done();
          };
          requestAnimationFrame(tick);
        });
        d.sort((a, b) => a - b);
        return { frames: d.length, medianMs: d[Math.floor(d.length / 2)], meanMs: 8000 / d.length, p90Ms: d[Math.floor(d.length * 0.9)] };
      }),
    );
  }
}
await ctx.close();
const med = (xs, key) => xs.map((x) => x[key]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify(
    {
      runs,
      ratio: {
        medianFrame: +(med(runs.cars, 'medianMs') / med(runs.none, 'medianMs')).toFixed(2),
        meanFrame: +(med(runs.cars, 'meanMs') / med(runs.none, 'meanMs')).toFixed(2),
        p90Frame: +(med(runs.cars, 'p90Ms') / med(runs.none, 'p90Ms')).toFixed(2),
      },
    },
    null,
    1,
  ),
);
