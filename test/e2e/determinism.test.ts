/**
 * The same scenario, seed and commands give the same run in the browser's worker as in Node:
 * window.__twin.hashAt() runs a fresh simulation in the worker and must match the hash computed
 * here with the same loader and facade.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { createSimulation, HOUR, type LoggedCommand } from '../../src/sim';
import { openCity } from './app-fixture';
import { launchBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

function nodeHash(untilMs: number, options: { seed?: number; commands?: readonly LoggedCommand[] } = {}): string {
  const text = readFileSync(resolve(__dirname, '../../scenarios/default.json'), 'utf8');
  const loaded = loadScenarioText(text, { fileName: 'default.json' });
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const sim = createSimulation(loaded.input, options);
  sim.runUntil(untilMs);
  return sim.hash();
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Starts window.__twin.hashAt in the page and returns a way to collect it: the page's worker runs its
 * simulation while Node runs its own, on the other core.
 */
async function startBrowserHash(page: Page, untilMs: number, commands?: readonly LoggedCommand[]): Promise<() => Promise<string>> {
  await page.evaluate(
    ([t, c]) => {
      (window as unknown as { hashing: Promise<string> }).hashing = window.__twin.hashAt(t as number, (c ?? undefined) as LoggedCommand[] | undefined);
    },
    [untilMs, commands ?? null] as const,
  );
  return () => page.evaluate(() => (window as unknown as { hashing: Promise<string> }).hashing);
}

describe('determinism across runtimes', () => {
  it('hashes the default scenario in the browser worker exactly as in Node', async () => {
    const page = await browser.newPage();
    await openCity(page, baseUrl);
    const untilMs = 2 * HOUR;
    const inBrowser = await startBrowserHash(page, untilMs);
    const inNode = nodeHash(untilMs);
    expect(await inBrowser()).toMatch(/^[0-9a-f]{16}$/);
    expect(await inBrowser()).toBe(inNode);
    await page.close();
  });

  it('agrees with a command log and another seed too', async () => {
    const page = await browser.newPage();
    await openCity(page, baseUrl, '?seed=7');
    const commands: LoggedCommand[] = [{ tMs: 60_000, command: { type: 'inject.fire', inject: 'cut-vendor-access' } }];
    const untilMs = 4 * HOUR;
    const inBrowser = await startBrowserHash(page, untilMs, commands);
    const inNode = nodeHash(untilMs, { seed: 7, commands });
    const withoutCommands = nodeHash(untilMs, { seed: 7 });
    expect(await inBrowser()).toBe(inNode);
    expect(await inBrowser()).not.toBe(withoutCommands);
    await page.close();
  });
});
