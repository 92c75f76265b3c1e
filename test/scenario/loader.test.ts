import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioData, loadScenarioText, formatIssue, type ScenarioIssue } from '../../src/scenario';

const base = () => ({
  version: 1,
  meta: { id: 'tiny', title: 'Tiny' },
  vendors: [{ id: 'acme', name: 'Acme', jurisdiction: 'Ruritania', supplies: ['pump'], remoteMaintenance: true }],
  assets: [
    { id: 'sub', kind: 'substation', subsystem: 'power', position: [0, 0] },
    { id: 'pump', kind: 'pump', subsystem: 'water', position: [100, 0], vendor: 'acme' },
  ],
  dependencies: [{ from: 'sub', to: 'pump', kind: 'physical', resource: 'power', bufferMin: 20 }],
  injects: [{ id: 'hack', at: '5m', title: 'Hack', commands: [{ type: 'vendor.compromise', vendor: 'acme' }] }],
});

function problems(data: unknown): ScenarioIssue[] {
  const r = loadScenarioData(data);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
}

const at = (issues: ScenarioIssue[], path: string) => issues.find((i) => i.path === path);

describe('scenario loader', () => {
  it('accepts a small hand-written scenario with only the sections it needs', () => {
    const r = loadScenarioData(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input.assets.map((a) => a.id)).toEqual(['sub', 'pump']);
    expect(r.input.assets[1]!.remoteAccess).toBe(true);
    expect(r.input.edges[0]!.bufferMs).toBe(20 * 60_000);
    expect(r.input.injects[0]!.atMs).toBe(300_000);
    expect(loadScenarioData({ version: 1 }).ok).toBe(true);
  });

  it('reports invalid JSON with a line and column', () => {
    const r = loadScenarioText('{\n  "version": 1,\n  "seed": 4\n  "duration": "1h"\n}', { fileName: 'bad.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.path).toBe('bad.json');
    expect(r.issues[0]!.message).toMatch(/not valid JSON at line 4, column 3/);
  });

  it('rejects a file that is not an object, and version problems', () => {
    expect(problems([1, 2])[0]!.message).toMatch(/must be a JSON object/);
    expect(problems({})[0]).toMatchObject({ path: 'version', message: 'missing required field' });
    expect(problems({ version: 7 })[0]!.message).toMatch(/version 7, newer/);
    expect(problems({ version: 'one' })[0]!.path).toBe('version');
  });

  it('names unknown keys with a did-you-mean hint', () => {
    const d = base() as Record<string, unknown>;
    (d.meta as Record<string, unknown>).titel = 'x';
    d.injets = [];
    const issues = problems(d);
    expect(at(issues, 'meta.titel')!.hint).toMatch(/did you mean "title"/);
    expect(at(issues, 'injets')!.hint).toMatch(/did you mean "injects"/);
  });

  it('names unknown keys inside a command using that command type’s keys', () => {
    const d = base();
    (d.injects[0]!.commands[0] as Record<string, unknown>).vendr = 'acme';
    expect(at(problems(d), 'injects[0].commands[0].vendr')!.hint).toMatch(/did you mean "vendor"/);
  });

  it('reports wrong types, missing fields, ranges and non-finite numbers, all at once', () => {
    const d = base() as Record<string, unknown>;
    d.seed = -3;
    d.duration = '5 minutes';
    (d.assets as Record<string, unknown>[])[0]!.position = [Number.NaN, 0];
    (d.dependencies as Record<string, unknown>[])[0]!.bufferMin = -1;
    (d.dependencies as Record<string, unknown>[])[0]!.kind = 'phisical';
    delete (d.vendors as Record<string, unknown>[])[0]!.jurisdiction;
    (d.injects as Record<string, unknown>[])[0]!.attack = 'X1';
    const issues = problems(d);
    expect(at(issues, 'seed')!.message).toMatch(/at least 0/);
    expect(at(issues, 'duration')!.message).toMatch(/duration such as/);
    expect(at(issues, 'assets[0].position[0]')!.message).toMatch(/finite/);
    expect(at(issues, 'dependencies[0].bufferMin')!.message).toMatch(/at least 0/);
    expect(at(issues, 'dependencies[0].kind')!.hint).toMatch(/did you mean "physical"/);
    expect(at(issues, 'vendors[0].jurisdiction')!.message).toMatch(/missing required field/);
    expect(at(issues, 'injects[0].attack')!.message).toMatch(/ATT&CK/);
    expect(issues.length).toBeGreaterThanOrEqual(7);
  });

  it('reports an unknown command type with the known ones', () => {
    const d = base();
    (d.injects[0]!.commands[0] as Record<string, unknown>).type = 'vendor.compromize';
    expect(at(problems(d), 'injects[0].commands[0].type')!.hint).toMatch(/did you mean "vendor.compromise"/);
  });

  it('checks cross references: vendors, assets, injects, districts, kinds, duplicates, timing', () => {
    const d = base() as ReturnType<typeof base> & Record<string, unknown>;
    d.duration = '1h';
    d.assets.push({ id: 'sub', kind: 'substation', subsystem: 'power', position: [5, 5] });
    (d.assets[1] as Record<string, unknown>).vendor = 'acne';
    d.dependencies.push({ from: 'pmup', to: 'sub', kind: 'physical', resource: 'water', bufferMin: 0 });
    d.injects.push({ id: 'later', at: '2h', title: 'Too late', commands: [{ type: 'inject.fire', inject: 'hak' } as never] });
    (d.injects as unknown[]).push({
      id: 'sel',
      title: 'Selectors',
      commands: [
        { type: 'asset.disable', targets: { kind: 'substaton' } } as never,
        { type: 'asset.disable', targets: { district: 'nowhere' } } as never,
        { type: 'asset.restore', targets: { ids: ['sub'], kind: 'pump' } } as never,
      ],
    });
    const issues = problems(d);
    expect(at(issues, 'assets[2].id')!.message).toMatch(/used twice/);
    expect(at(issues, 'assets[1].vendor')!.hint).toMatch(/did you mean "acme"/);
    expect(at(issues, 'dependencies[1].from')!.hint).toMatch(/did you mean "pump"/);
    expect(at(issues, 'injects[1].at')!.message).toMatch(/after the scenario ends/);
    expect(at(issues, 'injects[1].commands[0].inject')!.hint).toMatch(/did you mean "hack"/);
    expect(at(issues, 'injects[2].commands[0].targets.kind')!.hint).toMatch(/did you mean "substation"/);
    expect(at(issues, 'injects[2].commands[1].targets.district')).toBeDefined();
    expect(at(issues, 'injects[2].commands[2].targets')!.message).toBe('selects no asset');
  });

  it('formats an issue as one line: path, message, hint', () => {
    expect(formatIssue({ path: 'a.b', message: 'bad', hint: 'fix it' })).toBe('a.b: bad (fix it)');
  });

  it('loads every shipped scenario (those built on ../shared/data need it beside the repo)', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
    expect(files.length).toBeGreaterThanOrEqual(7);
    const sharedMissing = !existsSync(new URL('../../../shared/data', import.meta.url));
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      if (sharedMissing && text.includes('shared/data') && process.env.TWIN_REQUIRE_SHARED_DATA !== '1') continue;
      const r = loadScenarioText(text, { fileName: f, readFile: (rel) => (existsSync(new URL(rel, dir)) ? readFileSync(new URL(rel, dir), 'utf8') : null) });
      expect(r.ok ? 'ok' : `${f}: ${r.issues.map(formatIssue).join('\n')}`).toBe('ok');
    }
  });

  it('ships four complete exercises: objectives, injects with expected actions, decisions and a briefing', () => {
    for (const f of ['default', 'cctv-exfiltration', 'compelled-disclosure', 'camera-botnet']) {
      const r = loadScenarioText(readFileSync(new URL(`../../scenarios/${f}.json`, import.meta.url), 'utf8'));
      expect(r.ok, f).toBe(true);
      if (!r.ok) continue;
      expect(r.meta.objectives.length, f).toBeGreaterThan(0);
      expect(
        r.input.injects.some((i) => (i.expected ?? []).length > 0),
        f,
      ).toBe(true);
      expect((r.input.decisions ?? []).length, f).toBeGreaterThan(0);
      expect((r.input.briefing ?? []).length, f).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('backup power in scenario files', () => {
  it('sets the buffer from UPS and fuel, and refuses a generator slower than its UPS', () => {
    const d = base();
    (d.dependencies[0] as Record<string, unknown>).bufferMin = undefined;
    (d.dependencies[0] as Record<string, unknown>).backup = { upsMin: 10, generator: { startS: 30, fuelH: 8 } };
    const r = loadScenarioData(JSON.parse(JSON.stringify(d)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.input.edges[0]!.bufferMs).toBe(10 * 60_000 + 8 * 3_600_000);
    (d.dependencies[0] as Record<string, unknown>).backup = { upsMin: 0.25, generator: { startS: 30, fuelH: 8 } };
    (d.dependencies[0] as Record<string, unknown>).bufferMin = 5;
    const issues = problems(JSON.parse(JSON.stringify(d)));
    expect(at(issues, 'dependencies[0].backup.generator.startS')!.hint).toMatch(/at least 1 min/);
    expect(at(issues, 'dependencies[0].bufferMin')!.message).toMatch(/either "bufferMin" or "backup"/);
  });
});
