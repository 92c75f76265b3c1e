/**
 * The command line reads only regular files, inside the scenario's (or session's) folder unless
 * --allow-outside says otherwise, under a size cap — and never prints what a file holds. A received
 * session used to follow "../" names and symlinks (printing /etc/passwd's first line), read
 * /dev/zero until memory ran out and hang on a FIFO.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { MAX_FILE_BYTES, readTextFile } from '../../src/cli/safe-read';

const root = mkdtempSync(join(tmpdir(), 'twin-safe-'));
const dir = join(root, 'scenario');
const outside = join(root, 'elsewhere');
mkdirSync(dir);
mkdirSync(outside);
const SECRET = 'TOPSECRET-first-line-of-a-private-file';
const OSM =
  '<osm version="0.6"><node id="1" lat="53.45" lon="-2.2"/><node id="2" lat="53.451" lon="-2.2"/><way id="9"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way></osm>';
writeFileSync(join(outside, 'secret.txt'), `${SECRET}\nmore,private,lines\n`);
writeFileSync(join(outside, 'town.osm'), OSM);
writeFileSync(join(dir, 'town.osm'), OSM);
symlinkSync(join(outside, 'secret.txt'), join(dir, 'link.osm'));
symlinkSync('/dev/zero', join(dir, 'zero.osm'));
mkdirSync(join(dir, 'folder.osm'));
const fifo = spawnSync('mkfifo', [join(dir, 'fifo.osm')]).status === 0;
// Sparse: one byte over the cap costs no disk, and the cap is checked before reading.
const big = openSync(join(dir, 'big.osm'), 'w');
ftruncateSync(big, MAX_FILE_BYTES + 1);
closeSync(big);

const scenario = (name: string, body: Record<string, unknown>) => {
  const p = join(dir, `${name}.json`);
  writeFileSync(p, JSON.stringify({ version: 1, ...body }));
  return p;
};
const osmScenario = (file: string) => scenario(`osm-${file.replace(/\W+/g, '-')}`, { city: { osm: file } });

describe('files a scenario references, read by twin validate', () => {
  const cases: [string, RegExp][] = [
    [
      '../elsewhere/town.osm',
      /city\.osm: cannot read "\.\.\/elsewhere\/town\.osm": it is outside the scenario's folder .*\(move it beside the file that names it, or pass --allow-outside/,
    ],
    ['link.osm', /city\.osm: cannot read "link\.osm": it is outside the scenario's folder/],
    ['zero.osm', /city\.osm: cannot read "zero\.osm": it is outside the scenario's folder/],
    ['folder.osm', /city\.osm: cannot read "folder\.osm": it is a folder, not a file/],
    ['big.osm', /city\.osm: cannot read "big\.osm": it is 100,000,001 bytes, over the 100 MB limit for a file the twin reads/],
    ['missing.osm', /city\.osm: cannot read "missing\.osm" \(check the path/],
    ...(fifo ? ([['fifo.osm', /city\.osm: cannot read "fifo\.osm": it is not a regular file \(a FIFO, device or socket\)/]] as [string, RegExp][]) : []),
  ];
  for (const [file, message] of cases) {
    it(`refuses ${file} with the field, the file and the reason`, () => {
      const r = cli(['validate', osmScenario(file)]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err).not.toContain('TOPSECRET');
    });
  }

  it('reads a regular file inside the folder, and one outside with --allow-outside', () => {
    expect(cli(['validate', osmScenario('town.osm')]).code).toBe(0);
    expect(cli(['validate', osmScenario('../elsewhere/town.osm'), '--allow-outside']).code).toBe(0);
  });

  it('--allow-outside still refuses devices, and a file it reads is never echoed', () => {
    const zero = cli(['validate', osmScenario('zero.osm'), '--allow-outside']);
    expect(zero.err).toMatch(/it is not a regular file/);
    const secret = cli(['validate', osmScenario('link.osm'), '--allow-outside']);
    expect(secret.code).toBe(1);
    expect(secret.err).toMatch(/city\.osm: is not an OpenStreetMap XML file/);
    expect(secret.err).not.toContain('TOPSECRET');
  });

  it('applies to every kind of referenced file: EPANET, MATPOWER, camera registers', () => {
    const refs: [string, Record<string, unknown>][] = [
      ['water.inp', { water: { inp: 'link.osm' } }],
      ['power.matpower', { power: { matpower: 'link.osm' } }],
      ['cctv.register', { city: { generator: { buildings: 200 } }, cctv: { register: 'link.osm' } }],
    ];
    for (const [field, body] of refs) {
      const r = cli(['validate', scenario(field.replace('.', '-'), body)]);
      expect(r.code, field).toBe(1);
      expect(r.err).toContain(`${field}: cannot read "link.osm": it is outside the scenario's folder`);
      // Read when allowed: whatever the importer makes of it, the text is not repeated.
      const allowed = cli(['validate', scenario(field.replace('.', '-'), body), '--allow-outside']);
      expect(allowed.code, field).toBe(1);
      expect(allowed.err).not.toContain('TOPSECRET');
    }
  });
});

describe('twin report with a received session', () => {
  const session = (name: string, scenarioRef: Record<string, string>) => {
    const p = join(dir, `${name}.session.json`);
    writeFileSync(p, JSON.stringify({ version: 1, kind: 'citytwin-session', scenario: scenarioRef, seed: 1, untilMs: 0, commands: [] }));
    return p;
  };

  it('does not follow a ../ name, a symlink out, a device or a FIFO, and prints nothing of them', () => {
    const refs: [Record<string, string>, RegExp][] = [
      [{ file: '../elsewhere/secret.txt' }, /scenario: file: cannot read "\.\.\/elsewhere\/secret\.txt": it is outside the session's folder/],
      [{ file: 'link.osm' }, /it is outside the session's folder/],
      [{ file: '/dev/zero' }, /it is outside the session's folder/],
      [{ name: '../../../../etc/passwd' }, /scenario: name: cannot read .*: it is outside the twin's scenarios folder/],
      ...(fifo ? ([[{ file: 'fifo.osm' }, /it is not a regular file/]] as [Record<string, string>, RegExp][]) : []),
    ];
    for (const [ref, message] of refs) {
      const r = cli(['report', session('bad', ref)]);
      expect(r.code, JSON.stringify(ref)).toBe(1);
      expect(r.err).toMatch(message);
    }
    const allowed = cli(['report', session('allowed', { file: 'link.osm' }), '--allow-outside']);
    expect(allowed.code).toBe(1);
    expect(allowed.err).toMatch(/not valid JSON at line 1, column 1/);
    expect(allowed.err).not.toContain('TOPSECRET');
  });

  it('refuses a session file that is a FIFO or a device rather than waiting on it', () => {
    expect(cli(['report', '/dev/zero']).err).toMatch(/^\/dev\/zero: cannot read it: it is not a regular file/);
    if (fifo) expect(cli(['report', join(dir, 'fifo.osm')]).err).toMatch(/it is not a regular file/);
  });
});

describe('readTextFile', () => {
  it('caps what it reads and says so', () => {
    const p = join(outside, 'five.txt');
    writeFileSync(p, '12345');
    expect(readTextFile(p, { roots: [], maxBytes: 5 })).toEqual({ ok: true, text: '12345' });
    expect(readTextFile(p, { roots: [], maxBytes: 4 })).toMatchObject({ ok: false, why: 'it is 5 bytes, over the 4-byte limit for a file the twin reads' });
    expect(readTextFile(p, { roots: [dir] })).toMatchObject({ ok: false, why: 'it is outside the folders the twin reads from' });
  });
});
