/**
 * Shared steps for the browser tests: open the app at a path, wait for the city, read the hooks
 * the app exposes on window.__twin (see src/ui/app/test-hooks.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TwinHooks } from '../../src/ui/app/test-hooks';

declare global {
  interface Window {
    __twin: TwinHooks;
  }
}

/**
 * Opens the app and waits until the city has been drawn and its run is ready (the residents' history
 * finishes behind the drawn city); returns ms from navigation start to the city drawn. With
 * `navigate: false` it waits on the page already opened.
 */
export async function openCity(page: Page, baseUrl: string, query = '', { navigate = true } = {}): Promise<number> {
  if (navigate) await page.goto(`${baseUrl}${query}`);
  await page.waitForFunction(() => window.__twin?.cityDrawnAt() != null, null, { timeout: 60_000 });
  const drawnAt = await page.evaluate(() => window.__twin.cityDrawnAt()!);
  await page.waitForFunction(() => window.__twin.simReady(), null, { timeout: 60_000 });
  return drawnAt;
}

export async function waitForClock(page: Page, atLeastMs: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction((t) => window.__twin.clockMs() >= t, atLeastMs, { timeout, polling: 100 });
}

/**
 * Polls `read` every `intervalMs` until it gives the same value twice running, and returns that value:
 * for a view that moves for a moment (the camera eases to a new target, the canvas redraws on demand).
 */
export async function whenSteady<T>(read: () => Promise<T>, same: (a: T, b: T) => boolean, intervalMs = 200, timeout = 10_000): Promise<T> {
  let last: T | undefined;
  let seen = false;
  await expect
    .poll(
      async () => {
        const next = await read();
        const steady = seen && same(last as T, next);
        last = next;
        seen = true;
        return steady;
      },
      { timeout, interval: intervalMs },
    )
    .toBe(true);
  return last as T;
}

/** The canvas's picture, once two screenshots 150 ms apart are the same (the view has settled). */
export async function steadyCanvas(page: Page): Promise<Buffer> {
  return whenSteady(
    () => page.locator('canvas').screenshot(),
    (a, b) => a.equals(b),
    150,
  );
}

/** Centres the view on an asset and clicks its marker like a user would; fails unless the inspector then shows it. */
export async function clickAsset(page: Page, assetId: string): Promise<void> {
  await page.evaluate((id) => window.__twin.focus(id), assetId);
  // Markers move and resize as the canvas draws the new view: wait until the marker stays put.
  const near = (a: { x: number; y: number } | null, b: { x: number; y: number } | null) =>
    a !== null && b !== null && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;
  const pos = await whenSteady(() => page.evaluate((id) => window.__twin.screenPositionOf(id), assetId), near);
  if (!pos) throw new Error(`${assetId} is not on screen after centring the view on it`);
  await page.mouse.click(pos.x, pos.y);
  // Another marker can lie over this one's centre (a neighbourhood drawn larger once it is down):
  // click around the centre until the inspector shows this asset.
  const name = await page.evaluate((id) => window.__twin.world()?.assets.find((a) => a.id === id)?.name ?? null, assetId);
  const heading = page.getByTestId('inspector').locator('h2');
  for (const [dx, dy] of [
    [0, 0],
    [0, -6],
    [0, 6],
    [-6, 0],
    [6, 0],
    [0, -10],
    [0, 10],
    [-10, 0],
    [10, 0],
  ] as const) {
    if (dx !== 0 || dy !== 0) await page.mouse.click(pos.x + dx, pos.y + dy);
    try {
      await expect.poll(() => heading.textContent(), { timeout: 1_500 }).toBe(name);
      return;
    } catch {
      // something else was picked: try beside the centre
    }
  }
  throw new Error(`clicking around ${assetId}'s marker at (${Math.round(pos.x)}, ${Math.round(pos.y)}) never opened it in the inspector`);
}

/**
 * A layer toggle's effect on the canvas: `measure` (e.g. pixels of the layer's colour) with the
 * layer shown — at least `atLeast` — then with it hidden, until it has fallen by more than `drop`;
 * the layer is shown again after. The canvas redraws on demand (a few times a second in software
 * GL), so both are polled rather than read after a sleep.
 */
export async function toggleEffect(toggle: Locator, measure: () => Promise<number>, atLeast: number, drop: number): Promise<{ on: number; off: number }> {
  let on = 0;
  await expect.poll(async () => (on = await measure()), { timeout: 10_000 }).toBeGreaterThan(atLeast);
  await toggle.uncheck();
  let off = on;
  await expect.poll(async () => (off = await measure()), { timeout: 10_000 }).toBeLessThan(on - drop);
  await toggle.check();
  return { on, off };
}
