/**
 * The OSM reader on damaged extracts: a character reference that names no character is an issue
 * with its line (it ended `import` with an internal error), and unclosed elements cost linear time
 * (a 5 MB file of unclosed <node> elements took 24 s) and swallow nothing that follows them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { parseOsm } from '../../../src/scenario';

const osm = (body: string) => `<?xml version="1.0"?>\n<osm version="0.6">\n${body}\n</osm>`;
const node = (id: number, tags = '') => `<node id="${id}" lat="53.45" lon="-2.2">${tags}</node>`;
const name = (v: string) => `<tag k="name" v="${v}"/>`;

describe('character references', () => {
  it('decodes the valid ones, hex and decimal, upper- and lower-case x', () => {
    const r = parseOsm(osm(node(1, name('St &amp; Mary &#233;&#xe9;&#XE9; &#x1F600;'))), 'city.osm');
    expect(r.ok && r.data.nodes.get('1')!.tags!.name).toBe('St & Mary ééé 😀');
  });

  for (const ref of ['&#x110000;', '&#0;', '&#xD800;', '&#xFFFF;', '&#99999999999999999999;']) {
    it(`refuses ${ref} with the line it is on`, () => {
      const r = parseOsm(osm(`${node(1)}\n${node(2)}\n${node(3, name(`a${ref}b`))}`), 'city.osm');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.path).toBe('city.osm line 5');
      expect(r.issues[0]!.message).toBe(`"${ref}" is not a valid character reference`);
    });
  }

  it('twin import says so, exit 1, not an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twin-osm-ref-'));
    const file = join(dir, 'bad.osm');
    writeFileSync(file, osm(node(1, name('&#x110000;'))));
    const err: string[] = [];
    const code = main(
      ['import', 'osm', file, '--out', join(dir, 'bad.json')],
      () => {},
      (s) => void err.push(s),
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3: "&#x110000;" is not a valid character reference \\(`));
  });
});

describe('unclosed elements', () => {
  it('keep their own tags and swallow nothing after them', () => {
    const r = parseOsm(
      osm(
        `<node id="1" lat="53.45" lon="-2.2">${name('first')}\n${node(2, name('second'))}\n<way id="9"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/>\n<way id="10"><nd ref="2"/><nd ref="1"/></way>`,
      ),
      'city.osm',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.nodes.get('1')!.tags).toEqual({ name: 'first' });
    expect(r.data.nodes.get('2')!.tags).toEqual({ name: 'second' });
    expect(r.data.ways.map((w) => [w.id, w.refs, w.tags])).toEqual([
      ['9', ['1', '2'], { highway: 'residential' }],
      ['10', ['2', '1'], {}],
    ]);
  });

  it('5 MB of unclosed <node> elements parse in linear time', { timeout: 20_000 }, () => {
    let body = '';
    for (let i = 1; body.length < 5_000_000; i++) body += `<node id="${i}" lat="53.45" lon="-2.2">`;
    const t0 = performance.now();
    const r = parseOsm(osm(body), 'city.osm');
    console.log(`5 MB of unclosed <node> elements: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(r.ok && r.data.nodes.size).toBeGreaterThan(100_000);
  });
});
