/**
 * The same scenario, seed and commands give the same run in the browser's worker as in Node:
 * window.__twin.hashAt() runs a fresh simulation in the worker and must match the hash computed
 * here with the same loader and facade.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

describe('determinism across runtimes', () => {
  it('hashes the default scenario in the browser worker exactly as in Node', async () => {
    const page = await browser.newPage();
    await openCity(page, baseUrl);
    const untilMs = 2 * HOUR;
    const inBrowser = await page.evaluate((t) => window.__twin.hashAt(t), untilMs);
    expect(inBrowser).toMatch(/^[0-9a-f]{16}$/);
    expect(inBrowser).toBe(nodeHash(untilMs));
    await page.close();
  });

  it('agrees with a command log and another seed too', async () => {
    const page = await browser.newPage();
    await openCity(page, baseUrl, '?seed=7');
    const commands: LoggedCommand[] = [{ tMs: 60_000, command: { type: 'inject.fire', inject: 'cut-vendor-access' } }];
    const untilMs = 4 * HOUR;
    const inBrowser = await page.evaluate(([t, c]) => window.__twin.hashAt(t as number, c as LoggedCommand[]), [untilMs, commands] as const);
    expect(inBrowser).toBe(nodeHash(untilMs, { seed: 7, commands }));
    expect(inBrowser).not.toBe(nodeHash(untilMs, { seed: 7 }));
    await page.close();
  });
});
