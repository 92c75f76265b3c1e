/**
 * Finds a Chromium to drive and starts it headless with software WebGL (SwiftShader), so the tests
 * run the same on a CI box without a GPU. global-setup.ts starts one for all the e2e files, which
 * connect to it over its WebSocket endpoint (browser.ts).
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there. Point it at a Chromium or Chrome binary.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked for CHROME_PATH, then ${CANDIDATES.join(', ')}). ` +
      `Install it with 'apt-get install chromium' (as root), or set CHROME_PATH to a Chromium or Chrome binary.`,
  );
}

const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Starts the one Chromium the e2e files share; its wsEndpoint() is what launchBrowser connects to. */
export function startBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: findChromium(), headless: true, args: ARGS });
}
