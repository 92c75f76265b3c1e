/**
 * Mistakes in what the twin is pointed at are the user's to fix and said plainly (exit 1), never
 * "internal error ... please report it": an --out into a folder that does not exist, and a
 * scenario handed to `report`, which takes a session.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliAsync } from '../support/cli';
import { makeSession } from '../../src/scenario';

const tmp = mkdtempSync(join(tmpdir(), 'twin-out-'));
const TINY = join(tmp, 'tiny.json');
writeFileSync(
  TINY,
  JSON.stringify({
    version: 1,
    meta: { id: 'tiny', title: 'Tiny' },
    duration: '10m',
    assets: [{ id: 'a', kind: 'hospital', subsystem: 'civic', position: [0, 0] }],
  }),
);
const SESSION = join(tmp, 'session.json');
writeFileSync(SESSION, JSON.stringify({ ...makeSession({ seed: 1, untilMs: 60_000, commands: [] }), scenario: { file: 'tiny.json' } }));
const OSM = join(tmp, 'town.osm');
writeFileSync(
  OSM,
  '<osm version="0.6"><node id="1" lat="53.45" lon="-2.2"/><node id="2" lat="53.451" lon="-2.2"/><way id="9"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way></osm>',
);

describe('--out into a folder that does not exist', () => {
  const missing = join(tmp, 'no-such-folder', 'out.json');
  for (const [name, args] of [
    ['run', ['run', TINY, '--out', missing]],
    ['report', ['report', SESSION, '--out', missing]],
    ['import osm', ['import', 'osm', OSM, '--out', missing]],
    ['bench', ['bench', '--out', missing]],
  ] as const) {
    it(`${name}: exit 1 with a plain message naming the folder`, async () => {
      const r = await cliAsync([...args]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`twin: cannot write ${missing}: the folder ${join(tmp, 'no-such-folder')} does not exist (create it first, or choose another --out)`);
    });
  }

  it('still writes where the folder exists', () => {
    const ok = join(tmp, 'report.json');
    expect(cli(['run', TINY, '--out', ok]).code).toBe(0);
    expect(JSON.parse(readFileSync(ok, 'utf8')).scenario.id).toBe('tiny');
  });

  it('an --out that names a folder is a user error too', () => {
    const r = cli(['run', TINY, '--out', tmp]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`twin: cannot write ${tmp}: it is a folder (name a file inside it)`);
  });
});

describe('twin report given a scenario', () => {
  it('says it is a scenario, not a session, in one line', () => {
    const r = cli(['report', TINY]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      new RegExp(`^${TINY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: this is a scenario file, not a saved session \\(run a scenario with \`twin run FILE\``),
    );
  });

  it('still reports a session whose scenario file sits beside it', () => {
    const r = cli(['report', SESSION, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).run.hash).toMatch(/^[0-9a-f]{16}$/);
  });
});
