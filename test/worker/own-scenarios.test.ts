import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importOsm } from '../../src/scenario/osm-import';
import { checkOwn } from '../../src/worker/own-scenarios';

const OSM = readFileSync(new URL('../fixtures/eastbridge.osm', import.meta.url), 'utf8');
const NET1 = readFileSync(new URL('../../assets/water/net1/Net1.inp', import.meta.url), 'utf8');
const NET1_SCENARIO = readFileSync(new URL('../../scenarios/net1-oldsmar.json', import.meta.url), 'utf8');

describe('checkOwn', () => {
  it('imports an .osm extract alone as the command line does', () => {
    const r = checkOwn({ 'eastbridge.osm': OSM });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cli = importOsm(OSM, { fileName: 'eastbridge.osm', osmPath: 'eastbridge.osm', name: 'eastbridge' });
    expect(cli.ok).toBe(true);
    if (!cli.ok) return;
    expect(JSON.parse(r.text)).toEqual(cli.scenario);
    expect(r.files).toEqual({ 'eastbridge.osm': OSM });
    expect(r.report).toEqual(cli.report);
  });

  it('reads referenced files by name, keeps only those, and names a missing one', () => {
    const ok = checkOwn({ 'net1-oldsmar.json': NET1_SCENARIO, 'Net1.inp': NET1, 'notes.txt': 'unrelated' });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(Object.keys(ok.files)).toEqual(['Net1.inp']);
    const missing = checkOwn({ 'net1-oldsmar.json': NET1_SCENARIO });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.issues[0]).toMatchObject({ path: '(files)', message: 'a file the scenario references is missing: "Net1.inp"' });
    expect(missing.issues.some((i) => i.path === 'water.inp' && /not among the files you opened/.test(i.message))).toBe(true);
  });

  it('reports the same issues as the loader for a broken scenario, and asks for one scenario file', () => {
    const bad = checkOwn({ 'x.json': '{ "version": 1, "meta": { "id": "x", "title": "" } }' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.some((i) => i.path === 'meta.title')).toBe(true);
    const none = checkOwn({ 'a.csv': 'x' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.issues[0]!.path).toBe('(files)');
  });
});

describe('the world view of an imported town', () => {
  it('carries which assets were synthesised', async () => {
    const { buildWorldView } = await import('../../src/worker/world-view');
    const { createSimulation } = await import('../../src/sim');
    const r = importOsm(OSM, { fileName: 'eastbridge.osm', osmPath: 'eastbridge.osm' });
    if (!r.ok) throw new Error('the fixture must import');
    const { input, meta } = r.loaded;
    const { view } = buildWorldView(meta, input, 1, createSimulation(input).kpiDefs);
    const synthetic = view.assets.filter((a) => a.synthetic).map((a) => a.id);
    expect(synthetic.length).toBeGreaterThan(0);
    expect(synthetic.length).toBeLessThan(view.assets.length);
    expect(synthetic).toEqual(input.assets.filter((a) => a.synthetic === true).map((a) => a.id));
    // Cameras mapped in the extract are not synthesised.
    expect(view.assets.some((a) => a.kind === 'camera' && !a.synthetic)).toBe(true);
  });
});
