/** `twin import osm` says what it cleaned, what became of every signal node, and what the town holds from OSM and synthesised. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const n = (id: number, lat: number, lon: number, tags = '') => `<node id="${id}" lat="${lat}" lon="${lon}">${tags}</node>`;
const t = (k: string, v: string) => `<tag k="${k}" v="${v}"/>`;

describe('twin import osm', () => {
  it('reports duplicate nodes snapped, signal nodes and civic places', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twin-osm-'));
    const file = join(dir, 'cross.osm');
    // A crossroads drawn with node 7 on top of node 2, signals on it, and a school.
    writeFileSync(
      file,
      `<?xml version="1.0"?><osm version="0.6"><bounds minlat="53.4490" minlon="-2.2020" maxlat="53.4510" maxlon="-2.1980"/>
      ${n(1, 53.45, -2.2015)}${n(2, 53.45, -2.2, t('highway', 'traffic_signals'))}${n(3, 53.45, -2.1985)}${n(4, 53.4509, -2.2)}${n(5, 53.4491, -2.2)}${n(7, 53.45, -2.2)}
      ${n(8, 53.4503, -2.2012, t('amenity', 'school'))}
      <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/>${t('highway', 'residential')}</way>
      <way id="101"><nd ref="4"/><nd ref="7"/><nd ref="5"/>${t('highway', 'residential')}</way></osm>`,
    );
    const out: string[] = [];
    const code = main(
      ['import', 'osm', file, '--out', join(dir, 'cross.json')],
      (s) => void out.push(s),
      (s) => void out.push(s),
    );
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('4 road links, 1 signalised junctions');
    expect(text).toContain('civic and sensitive sites: schools: 1 from OSM, 0 synthesised');
    expect(text).toContain('1 duplicate node(s) snapped together');
    expect(text).toContain('signals: 1 signal node(s): 1 signalised junction(s)');
    expect(JSON.parse(readFileSync(join(dir, 'cross.json'), 'utf8')).city.osm).toBe('cross.osm');
  });
});
