/**
 * Where to find a Chromium to drive, and the arguments that start it headless with software WebGL
 * (SwiftShader), the same for the browser tests (test/e2e/chromium.ts) and `twin bench`.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS: readonly string[] = [
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

/** The Chromium binary to use, or an error that says how to get one. */
export function locateChromium(): { path: string } | { error: string } {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv };
    return { error: `CHROME_PATH is set to ${fromEnv}, but there is no file there. Point it at a Chromium or Chrome binary.` };
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return { path: found };
  return {
    error:
      `No Chromium found (looked for CHROME_PATH, then ${CANDIDATES.join(', ')}). ` +
      `Install it with 'apt-get install chromium' (as root), or set CHROME_PATH to a Chromium or Chrome binary.`,
  };
}
