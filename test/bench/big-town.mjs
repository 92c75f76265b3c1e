/**
 * A 10,000-building town for timing (not a test; run by hand): tiles an OpenStreetMap extract
 * (default: assets/osm/levenshulme, 852 buildings) cols × rows times side by side, renumbering
 * every id per tile and joining neighbouring tiles by one primary road so the street network stays
 * one piece. Writes the extract, then — given the address of a served build — opens it in
 * headless Chromium through Scenarios… → Open your own… and reports how long the first city took
 * to appear, and again after a reload (read from IndexedDB, ?scenario=own:ID).
 *
 *   node test/bench/big-town.mjs OUT.osm [cols rows [SOURCE.osm]]
 *   npm run twin -- import osm OUT.osm --out /tmp/big.json          # the command line's import time
 *   npm run build && npm run preview                                  # then:
 *   node test/bench/big-town.mjs OUT.osm 4 3 '' http://localhost:4173
 *
 * Headless Chromium draws with SwiftShader (software GL) and the machine may be shared: rough figures.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [out, colsArg, rowsArg, srcArg, url] = process.argv.slice(2);
if (!out) {
  console.error('usage: node test/bench/big-town.mjs OUT.osm [cols rows [SOURCE.osm [URL]]]');
  process.exit(2);
}
const cols = Number(colsArg ?? 4);
const rows = Number(rowsArg ?? 3);
const src = readFileSync(srcArg || new URL('../../assets/osm/levenshulme/levenshulme.osm', import.meta.url), 'utf8');

const lats = [...src.matchAll(/\slat="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
const lons = [...src.matchAll(/\slon="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
const spanLat = Math.max(...lats) - Math.min(...lats);
const spanLon = Math.max(...lons) - Math.min(...lons);
const body = src
  .replace(/^[\s\S]*?<osm[^>]*>/, '')
  .replace(/<\/osm>\s*$/, '')
  .replace(/<bounds[^>]*\/>/, '');
// A node on a primary road, to join each tile to the next.
const primary = /<way[^>]*>((?:(?!<\/way>)[\s\S])*?)<tag k="highway" v="primary"\/>/.exec(body);
const joint = primary ? /<nd ref="(\d+)"/.exec(primary[1])?.[1] : null;
const OFFSET = 100_000_000_000;
const parts = [];
const tiles = cols * rows;
for (let t = 0; t < tiles; t++) {
  const dLat = Math.floor(t / cols) * spanLat * 1.02;
  const dLon = (t % cols) * spanLon * 1.02;
  const off = t * OFFSET;
  parts.push(
    body
      .replace(/(<(?:node|way|relation)\s[^>]*?\bid=")(\d+)"/g, (_, a, id) => `${a}${Number(id) + off}"`)
      .replace(/(<(?:nd|member)\s[^>]*?\bref=")(\d+)"/g, (_, a, id) => `${a}${Number(id) + off}"`)
      .replace(/(\slat=")(-?[\d.]+)"/g, (_, a, v) => `${a}${(Number(v) - dLat).toFixed(7)}"`)
      .replace(/(\slon=")(-?[\d.]+)"/g, (_, a, v) => `${a}${(Number(v) + dLon).toFixed(7)}"`),
  );
  if (joint && t > 0) {
    const prev = (t % cols === 0 ? t - cols : t - 1) * OFFSET;
    parts.push(
      `<way id="${9 * OFFSET + t}" version="1"><nd ref="${Number(joint) + prev}"/><nd ref="${Number(joint) + off}"/><tag k="highway" v="primary"/><tag k="name" v="Tile link ${t}"/></way>\n`,
    );
  }
}
const text = `<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="citytwin test/bench/big-town.mjs">\n${parts.join('')}</osm>\n`;
writeFileSync(out, text);
const buildings = (text.match(/<tag k="building"/g) ?? []).length;
console.log(`wrote ${out}: ${cols}×${rows} tiles, ${buildings} building tags, ${(text.length / 1e6).toFixed(1)} MB`);

if (url) {
  const { chromium } = await import('playwright-core');
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'citytwin-big-')), {
    executablePath: process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`${url}/?scenario=net1-oldsmar`);
  await page.waitForFunction(() => window.__twin?.phase() === 'ready', null, { timeout: 120_000 });
  await page.getByRole('button', { name: /^Scenarios…/ }).click();
  const input = page.getByLabel('Choose a scenario and its files, or an OpenStreetMap extract');
  const t0 = Date.now();
  await input.setInputFiles(out);
  await page.waitForURL(/scenario=own:/, { timeout: 600_000 });
  const tNav = Date.now();
  await page.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 600_000 });
  const tDrawn = Date.now();
  const info = await page.evaluate(() => ({ drawnAt: window.__twin.cityDrawnAt(), buildings: window.__twin.world()?.city.buildings.count }));
  console.log(
    `open your own: ${tNav - t0} ms to check and keep (import in the worker), then the city was drawn ${Math.round(info.drawnAt)} ms after its page opened; ` +
      `${tDrawn - t0} ms from choosing the file to the city on screen; ${info.buildings} buildings drawn`,
  );
  for (let r = 0; r < 2; r++) {
    await page.reload();
    await page.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 600_000 });
    console.log(
      `reload ${r + 1} (?scenario=own:ID from IndexedDB): city drawn ${Math.round(await page.evaluate(() => window.__twin.cityDrawnAt()))} ms after navigation`,
    );
  }
  await ctx.close();
}
