/**
 * The browser part of `npm run bench`: builds the app, serves it with `vite preview`, opens it in
 * headless Chromium with software WebGL (as the browser tests do) and reads the performance marks
 * the page and its worker set (src/ui/app/boot-marks.ts, src/worker/boot-marks.ts): how long from
 * navigation to the bundle running, the worker started, the scenario compiled, the city drawn and
 * the simulation ready (the residents' history done). Then the frame time of the default city
 * while the simulation runs at 60×, against a bare three.js page with the same instance counts on
 * the same canvas size (bench-bare-page.ts), in the same browser. Skipped with a message when no
 * Chromium is installed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { serveBarePage, type FrameFigures } from './bench-bare-page';
import { CHROMIUM_ARGS, locateChromium } from './chromium';
import { median, round } from './bench-timing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Fresh page loads timed (each in a new browser context: cold cache, as a first visit). */
const LOADS = 3;
/** Wall ms of each frame-time window. */
const WINDOW_MS = 5_000;
const VIEWPORT = { width: 1440, height: 900 };

/** The marks, in the order a first load passes them (worker marks placed on the page's timeline). */
const MARKS = [
  'twin:entry',
  'twin:worker-started',
  'twin:scenario-compiled',
  'twin:engines-loaded',
  'twin:parts-built',
  'twin:world-sent',
  'twin:world-received',
  'twin:scene-loaded',
  'twin:city-drawn',
  'twin:history-done',
  'twin:sim-ready',
  'twin:first-frame',
] as const;

type Marks = Partial<Record<(typeof MARKS)[number] | 'bundle-loaded', number>>;

/** The part of the page's window.__twin (src/ui/app/test-hooks.ts) the bench uses; the CLI does not import the UI. */
interface BenchHooks {
  readonly client: { setSpeed(factor: number): void; play(): void };
  clockMs(): number;
  sceneDrawn(): { readonly instanced: readonly number[]; readonly plain: number; readonly width: number; readonly height: number } | null;
}

/** The bench's view of the pages' globals: the city page's hooks and the bare page's runner. */
type BenchWindow = { __twin: BenchHooks; runBare(spec: unknown): Promise<FrameFigures>; bareReady?: boolean };

async function buildApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // React's production build is what ships (a test or dev environment would bundle the development one).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** One cold load of the app: the marks, from navigation start, once the simulation has sent its first frame. */
async function timeLoad(browser: Browser, url: string): Promise<{ marks: Marks; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('twin:first-frame').length > 0 && performance.getEntriesByName('twin:city-drawn').length > 0,
    null,
    { timeout: 120_000, polling: 50 },
  );
  const marks = await page.evaluate((names) => {
    const out: Record<string, number> = {};
    for (const n of names) {
      const e = performance.getEntriesByName(n, 'mark')[0];
      if (e) out[n] = e.startTime;
    }
    // The initial JavaScript (entry and preloaded chunks) fully downloaded.
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.initiatorType === 'script' || r.initiatorType === 'link' || r.initiatorType === 'other',
    );
    const initial = scripts.filter((r) => /\/assets\/index-[^/]*\.js$/.test(r.name));
    if (initial.length > 0) out['bundle-loaded'] = Math.max(...initial.map((r) => r.responseEnd));
    return out;
  }, MARKS);
  return { marks, page };
}

const gap = (m: Marks, from: keyof Marks, to: keyof Marks) => (m[from] !== undefined && m[to] !== undefined ? m[to]! - m[from]! : undefined);

/** The split of one load into its steps (ms); a step whose marks are missing is left out. */
function split(m: Marks): Record<string, number | undefined> {
  return {
    bundleDownload: m['bundle-loaded'],
    bundleParseAndRun: gap(m, 'bundle-loaded', 'twin:entry'),
    workerStart: gap(m, 'twin:entry', 'twin:worker-started'),
    scenarioCompile: gap(m, 'twin:worker-started', 'twin:scenario-compiled'),
    engines: gap(m, 'twin:scenario-compiled', 'twin:engines-loaded'),
    partsBuild: gap(m, 'twin:engines-loaded', 'twin:parts-built'),
    // Worker and page clocks start apart, so this small step can come out a few ms below 0.
    worldToPage: gap(m, 'twin:world-sent', 'twin:world-received'),
    firstCityFrame: gap(m, 'twin:world-received', 'twin:city-drawn'),
    cityDrawn: m['twin:city-drawn'],
    // The history waits for the city's first draw (or runs inside the whole build, in a version without the parts mark).
    populationHistory:
      m['twin:history-done'] !== undefined && m['twin:world-sent'] !== undefined
        ? m['twin:history-done'] - Math.max(m['twin:world-sent'], m['twin:city-drawn'] ?? 0)
        : gap(m, 'twin:engines-loaded', 'twin:sim-ready'),
    simReady: m['twin:first-frame'],
  };
}

/** Animation-frame intervals while redrawing every frame, and the draw time, on the city page. */
async function cityFrames(page: Page): Promise<FrameFigures & { simSecondsPerWallSecond: number }> {
  await page.evaluate(() => {
    (window as unknown as BenchWindow).__twin.client.setSpeed(60);
    (window as unknown as BenchWindow).__twin.client.play();
  });
  await page.waitForFunction(() => (window as unknown as BenchWindow).__twin.clockMs() > 0, null, { timeout: 60_000 });
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  return page.evaluate<FrameFigures & { simSecondsPerWallSecond: number }>(`(async () => {
    const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0;
    const twin = window.__twin;
    const intervals = [];
    const clock0 = twin.clockMs();
    const t0 = performance.now();
    await new Promise((done) => {
      let last = null;
      const tick = (t) => {
        if (last !== null) intervals.push(t - last);
        last = t;
        twin.redraw();
        if (performance.now() - t0 < ${WINDOW_MS}) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const simSecondsPerWallSecond = (twin.clockMs() - clock0) / (performance.now() - t0);
    const draws = [];
    for (let i = 0; i < 20; i++) {
      draws.push(twin.timeDraw() ?? 0);
      await new Promise((r) => requestAnimationFrame(r));
    }
    return { frames: intervals.length, intervalMs: { median: pct(intervals, 0.5), p90: pct(intervals, 0.9) }, drawMs: pct(draws, 0.5), simSecondsPerWallSecond };
  })()`);
}

const r1 = (x: number | undefined) => (x === undefined ? null : round(x, 1));

export async function benchBrowser(err: (s: string) => void): Promise<Record<string, unknown> | string> {
  const found = locateChromium();
  if ('error' in found) return `skipped: ${found.error}`;
  const { chromium } = await import('playwright-core');
  const { preview } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'citytwin-bench-'));
  let browser: Browser | null = null;
  const closers: (() => Promise<void>)[] = [];
  try {
    err('bench: browser: building the app…');
    await buildApp(outDir);
    const server = await preview({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    closers.push(() => server.close());
    const url = server.resolvedUrls?.local[0];
    if (!url) return 'skipped: vite preview did not say where it serves';
    const bare = await serveBarePage();
    closers.push(bare.close);
    try {
      browser = await chromium.launch({ executablePath: found.path, headless: true, args: [...CHROMIUM_ARGS] });
    } catch (e) {
      return `skipped: Chromium at ${found.path} did not start (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
    }

    err(`bench: browser: ${LOADS} cold loads of the default city…`);
    const loads: Marks[] = [];
    let last: Page | null = null;
    for (let i = 0; i < LOADS; i++) {
      if (last) await last.context().close();
      const { marks, page } = await timeLoad(browser, url);
      loads.push(marks);
      last = page;
    }
    const splits = loads.map(split);
    const keys = Object.keys(splits[0]!);
    const medianSplit = Object.fromEntries(
      keys.map((k) => {
        const xs = splits.map((s) => s[k]).filter((x): x is number => x !== undefined);
        return [k, xs.length > 0 ? r1(median(xs)) : null];
      }),
    );

    err('bench: browser: frame time at 60×, then the bare three.js page…');
    const page = last!;
    const drawn = await page.evaluate(() => (window as unknown as BenchWindow).__twin.sceneDrawn());
    if (!drawn) return 'skipped: the city scene did not mount';
    const city = await cityFrames(page);
    await page.context().close();
    const bareContext = await browser.newContext({ viewport: VIEWPORT });
    const barePage = await bareContext.newPage();
    await barePage.goto(bare.url);
    await barePage.waitForFunction(() => (window as unknown as BenchWindow).bareReady === true);
    const plain = await barePage.evaluate((spec) => (window as unknown as BenchWindow).runBare(spec), {
      instanced: drawn.instanced,
      width: drawn.width,
      height: drawn.height,
      windowMs: WINDOW_MS,
    });
    await bareContext.close();
    const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null);
    return {
      chromium: browser.version(),
      webgl: 'SwiftShader (software), as the browser tests',
      viewport: VIEWPORT,
      loads: LOADS,
      firstLoad: {
        note: "ms; cityDrawn and simReady (the run's first frame) from navigation start, the rest are the steps between marks (median of the loads); populationHistory starts once the city is drawn and includes the parts built behind it (traffic's routes, the residents)",
        median: medianSplit,
        runs: splits.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, r1(v)]))),
      },
      frameTime: {
        note: 'animation-frame interval while redrawing every frame for 5 s (the city with its simulation playing at 60×), and the median time of one draw waited for with gl.finish()',
        canvas: { width: drawn.width, height: drawn.height },
        instances: { instancedMeshes: drawn.instanced.length, total: drawn.instanced.reduce((a, b) => a + b, 0), perMesh: drawn.instanced },
        city: {
          frames: city.frames,
          intervalMs: { median: r1(city.intervalMs.median), p90: r1(city.intervalMs.p90) },
          drawMs: r1(city.drawMs),
          plainMeshes: drawn.plain,
          simSecondsPerWallSecond: r1(city.simSecondsPerWallSecond),
        },
        bareThree: { frames: plain.frames, intervalMs: { median: r1(plain.intervalMs.median), p90: r1(plain.intervalMs.p90) }, drawMs: r1(plain.drawMs) },
        ratio: { interval: ratio(city.intervalMs.median, plain.intervalMs.median), draw: ratio(city.drawMs, plain.drawMs) },
      },
      target: 'city drawn ≤ 3000 ms after navigation',
    };
  } finally {
    await browser?.close();
    for (const close of closers.reverse()) await close().catch(() => {});
    rmSync(outDir, { recursive: true, force: true });
  }
}
