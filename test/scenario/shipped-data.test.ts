/**
 * Every shipped scenario runs from a fresh clone, with nothing beside the repository: each file a
 * scenario reads (whatever section names it) lies inside the repository and is there, and
 * `twin run FILE --until 10m` succeeds. The command line lets a shipped scenario read its own
 * folder and assets/ only (src/cli/files.ts), so a reference to ../shared/data would fail here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { loadScenarioText } from '../../src/scenario';
import { loadWaterEngine } from '../../src/sim';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIOS = resolve(ROOT, 'scenarios');
const shipped = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();

describe('shipped scenarios on a fresh clone', () => {
  beforeAll(async () => {
    await loadWaterEngine();
  });

  it('ships the scenarios this test knows of, Levenshulme among them', () => {
    expect(shipped).toContain('levenshulme.json');
    expect(shipped.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of shipped) {
    it(`${name}: reads only files inside the repository, and runs for 10 minutes`, () => {
      const file = resolve(SCENARIOS, name);
      const asked: string[] = [];
      const r = loadScenarioText(readFileSync(file, 'utf8'), {
        fileName: name,
        readFile: (rel) => {
          asked.push(rel);
          const abs = resolve(SCENARIOS, rel);
          return existsSync(abs) ? readFileSync(abs, 'utf8') : null;
        },
      });
      expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
      for (const rel of asked) {
        const abs = resolve(SCENARIOS, rel);
        const inRepo = relative(ROOT, abs);
        expect(inRepo.startsWith('..') || inRepo.startsWith(sep), `${name} reads ${rel}, outside the repository`).toBe(false);
        expect(existsSync(abs), `${name} reads ${rel}, which is not in the repository`).toBe(true);
        // Data a scenario needs lives in assets/, with its source and licence beside it.
        if (inRepo.startsWith(`assets${sep}`)) {
          const folder = dirname(abs);
          const up = (d: string): string[] => (d.length <= resolve(ROOT, 'assets').length ? [] : [d, ...up(dirname(d))]);
          expect(
            up(folder).some((d) => existsSync(resolve(d, 'SOURCE.txt'))),
            `${rel} has no SOURCE.txt beside it`,
          ).toBe(true);
        }
      }
      const out: string[] = [];
      const err: string[] = [];
      const code = main(
        ['run', file, '--until', '10m'],
        (s) => void out.push(s),
        (s) => void err.push(s),
      );
      expect(code, err.join('\n')).toBe(0);
      const report = JSON.parse(out.join('\n')) as { untilS: number };
      expect(report.untilS).toBe(600);
    }, 180_000);
  }
});
