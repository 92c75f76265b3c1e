/**
 * Finds a Chromium to drive and starts it headless with software WebGL (SwiftShader), so the tests
 * run the same on a CI box without a GPU. global-setup.ts starts one for all the e2e files, which
 * connect to it over its WebSocket endpoint (browser.ts). `twin bench` finds it the same way.
 */
import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, locateChromium } from '../../src/cli/chromium';

export function findChromium(): string {
  const found = locateChromium();
  if ('error' in found) throw new Error(found.error);
  return found.path;
}

/** Starts the one Chromium the e2e files share; its wsEndpoint() is what launchBrowser connects to. */
export function startBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS] });
}
