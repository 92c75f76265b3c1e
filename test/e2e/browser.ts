/**
 * The browser each e2e file drives: a context of its own (storage, cache, pages, as a fresh profile
 * would be) on the one Chromium that global-setup.ts starts for all of them (see chromium.ts),
 * closed again when the file ends.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export interface Browser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh context (storage, cache, pages of its own) on the shared Chromium. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.connect(inject('browserEndpoint'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

/** Collects what a page logs as errors, and any request to another origin, for the tests to check. */
export function watchPage(page: Page, origin: string): { errors: string[]; foreign: string[] } {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return { errors, foreign };
}
