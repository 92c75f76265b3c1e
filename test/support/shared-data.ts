/**
 * Access to ../shared/data (beside the repo), which holds third-party data we do not commit.
 * Tests that need it skip with a clear message when it is absent — and fail instead when
 * TWIN_REQUIRE_SHARED_DATA=1, so CI cannot pass by silently skipping them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'vitest';

const repoRoot = resolve(__dirname, '../..');
export const SHARED_DATA = resolve(repoRoot, '../shared/data');

/** The text of a shared data file, or null when the file is absent. */
export function sharedText(relative: string): string | null {
  const p = resolve(SHARED_DATA, relative);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
}

/**
 * Registers a test that needs `relative` from the shared data folder: runs `body(text)` when the
 * file is there; otherwise skips with the reason, or fails when the data is required.
 */
export function itWithSharedData(name: string, relative: string, body: (text: string) => void): void {
  const text = sharedText(relative);
  const where = resolve(SHARED_DATA, relative);
  if (text !== null) it(name, () => body(text));
  else if (process.env.TWIN_REQUIRE_SHARED_DATA === '1') {
    it(name, () => {
      throw new Error(`${where} is missing and TWIN_REQUIRE_SHARED_DATA=1: lay out ../shared/data beside the repo`);
    });
  } else it.skip(`${name} — skipped: ${where} is absent (set TWIN_REQUIRE_SHARED_DATA=1 to make this a failure)`, () => {});
}
