import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { loadScenarioText } from '../../src/scenario';
import { shippedAsIs } from '../support/scenarios';
import { itWithSharedData, SHARED_DATA } from '../support/shared-data';

const tmp = mkdtempSync(join(tmpdir(), 'twin-power-'));
const reference = JSON.parse(readFileSync(new URL('../sim/power/reference/case30-dcpf.json', import.meta.url), 'utf8')) as {
  busIds: number[];
  branchFlowMW: number[];
  pgMW: number[];
};

function scenarioFile(name: string, power: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify({ version: 1, meta: { id: name.replace('.json', ''), title: 'MATPOWER only' }, duration: '1h', power }));
  return p;
}

describe('a scenario holding only a MATPOWER case', () => {
  itWithSharedData('runs headless and reports the grid with MATPOWER ids, matching rundcpf to 0.01 MW', 'power/case30.m', () => {
    const file = scenarioFile('case30-only.json', { matpower: relative(tmp, join(SHARED_DATA, 'power/case30.m')) });
    // The case lives in ../shared/data, outside the scenario's temporary folder.
    const r = cli(['run', file, '--until', '10m', '--allow-outside']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    const p = rep.final.power;
    expect(p.buses).toHaveLength(30);
    expect(p.branches).toHaveLength(41);
    expect(p.generators).toHaveLength(6);
    expect(p.buses.map((b: { id: string }) => b.id)).toEqual(reference.busIds.map(String));
    expect(p.branches[0]).toMatchObject({ id: '1', from: '1', to: '2', inService: true, ratingMW: 130 });
    p.branches.forEach((b: { flowMW: number }, k: number) => expect(Math.abs(b.flowMW - reference.branchFlowMW[k]!)).toBeLessThanOrEqual(0.01));
    p.generators.forEach((g: { pMW: number }, k: number) => expect(Math.abs(g.pMW - reference.pgMW[k]!)).toBeLessThanOrEqual(0.01));
    expect(p.islands).toMatchObject({ count: 1, energized: 1, deenergized: 0 });
    for (const b of p.buses)
      expect(b).toEqual({ id: expect.any(String), angleDeg: expect.any(Number), loadMW: expect.any(Number), servedMW: expect.any(Number), energized: true });
    // Every bus is an asset the UI can show and commands can target.
    expect(rep.final.assets.filter((a: { kind: string }) => a.kind === 'power-bus')).toHaveLength(30);
  });

  itWithSharedData('takes per-bus priorities and asset mappings, and checks them', 'power/case30.m', () => {
    const rel = relative(tmp, join(SHARED_DATA, 'power/case30.m'));
    const bad = scenarioFile('bad-buses.json', { matpower: rel, buses: [{ id: 99 }, { id: 2, criticalMW: 30, deferrableMW: 5 }, { id: 3, asset: 'nowhere' }] });
    const r = cli(['validate', bad, '--allow-outside']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/power\.buses\[0\]\.id: the case has no bus 99/);
    expect(r.err).toMatch(/power\.buses\[1\]: critical \(30 MW\) and deferrable \(5 MW\) load exceed the bus's 21.7 MW/);
    expect(r.err).toMatch(/power\.buses\[2\]\.asset: unknown asset "nowhere"/);
  });

  it('names a missing case file, and a malformed one with its line', () => {
    const missing = cli(['validate', scenarioFile('missing.json', { matpower: 'no-such-case.m' })]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/power\.matpower: cannot read "no-such-case\.m" \(check the path; it is resolved from the scenario file's own folder\)/);
    writeFileSync(
      join(tmp, 'broken.m'),
      'function mpc = broken\nmpc.baseMVA = 100;\nmpc.bus = [\n\t1\t3\t0\t0\t0\t0\t1\t1\t0\t135\t1\t1.05\t0.95;\n\t2\t1\tabc\t0\t0\t0\t1\t1\t0\t135\t1\t1.05\t0.95;\n];\n',
    );
    const broken = cli(['validate', scenarioFile('broken.json', { matpower: 'broken.m' })]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/power\.matpower \(broken\.m line 5\)/);
  });

  it('says plainly when a file reference cannot be opened (text loaded without a folder)', () => {
    const r = loadScenarioText(JSON.stringify({ version: 1, power: { matpower: 'case30.m' } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/cannot open "case30.m" here/);
  });
});

describe('the generated city grid', () => {
  it('is built for the default scenario, sound when intact, and cascades when the attack lands', () => {
    const grid = shippedAsIs('default').power!;
    expect(grid.busIds[0]).toBe('grid-supply-point');
    expect(grid.network.buses.count).toBe(12);
    const rep = cli(['run', 'scenarios/default.json', '--until', '1h']);
    const out = JSON.parse(rep.out);
    const trips = out.events.filter((e: { type: string }) => e.type === 'power.branch.tripped');
    expect(trips.length).toBeGreaterThan(0);
    expect(out.kpis.mwShed.series.some((p: [number, number]) => p[1] > 30)).toBe(true);
    expect(out.final.power.branches.every((b: { loading: number }) => b.loading <= 1 + 1e-9)).toBe(true);
  });
});
