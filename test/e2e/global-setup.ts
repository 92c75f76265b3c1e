/**
 * Builds the app once with Vite into a temporary folder and serves it with `vite preview` on a
 * free localhost port for the browser tests, and starts the one Chromium they all share (each file
 * gets a context of its own on it, see browser.ts). Tests read the address with inject('baseUrl').
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserServer } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { startBrowserServer } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    /** Playwright's WebSocket endpoint of the shared Chromium. */
    browserEndpoint: string;
  }
}

const ROOT = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Chromium starts while Vite builds (a missing one is reported at once, before the build).
  const browserServer = startBrowserServer();
  try {
    return await buildAndServe(project, browserServer);
  } catch (e) {
    await (await browserServer.catch(() => null))?.close();
    throw e;
  }
}

async function buildAndServe(project: TestProject, browserServer: Promise<BrowserServer>): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(join(tmpdir(), 'citytwin-e2e-'));
  const configFile = join(ROOT, 'vite.config.ts');
  const t0 = performance.now();
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const baseUrl = `http://127.0.0.1:${port}/`;
  console.log(`e2e: built in ${Math.round(performance.now() - t0)} ms, serving ${baseUrl}`);
  project.provide('baseUrl', baseUrl);
  project.provide('distDir', outDir);
  const browser = await browserServer;
  project.provide('browserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
