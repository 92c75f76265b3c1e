import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from '../support/cli';

const DEFAULT = 'scenarios/default.json';

const { dir: tmp, write } = scratch('cli');

describe('twin validate', () => {
  it('exits 0 for a valid scenario', () => {
    const r = cli(['validate', DEFAULT]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/default.json: ok/);
  });

  it('exits 1 with one `path: message (hint)` line per problem', () => {
    const bad = write('bad.json', JSON.stringify({ version: 1, seed: -1, duration: 'soon', meta: { id: 'x', titel: 'y' } }));
    const r = cli(['validate', bad, DEFAULT]);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(/^.*bad\.json: [^:]+: .+ \(.+\)$/);
    expect(r.err).toMatch(/meta\.titel: unknown key "titel" \(.*did you mean "title"\?\)/);
  });

  it('exits 1 for a missing file and for broken JSON, without a stack trace', () => {
    const r1 = cli(['validate', join(tmp, 'nope.json')]);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/no such file/);
    const r2 = cli(['validate', write('broken.json', '{"version": 1,,}')]);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/not valid JSON at line 1/);
    expect(r2.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 2 on usage errors', () => {
    expect(cli(['validate']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli([]).code).toBe(2);
    expect(cli(['run', DEFAULT, '--until', 'soon']).code).toBe(2);
    expect(cli(['run', DEFAULT, '--seed', 'abc']).code).toBe(2);
    expect(cli(['run', DEFAULT, '--format', 'xml']).code).toBe(2);
    expect(cli(['run', DEFAULT, '--bogus', '1']).code).toBe(2);
  });
});

describe('twin run', () => {
  it('prints a JSON report of the documented shape on stdout', () => {
    const r = cli(['run', DEFAULT, '--until', '2h', '--seed', '7']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.scenario).toEqual({ id: 'default', title: expect.any(String) });
    expect(rep.seed).toBe(7);
    expect(rep.untilS).toBe(7200);
    expect(rep.hash).toMatch(/^[0-9a-f]{16}$/);
    for (const k of ['peopleWithoutPower', 'peopleWithoutWater', 'assetsDown', 'assetsCompromised']) {
      expect(rep.kpis[k]).toMatchObject({ label: expect.any(String), unit: expect.any(String) });
      expect(rep.kpis[k].series.length).toBeGreaterThan(100);
    }
    expect(Math.max(...rep.kpis.peopleWithoutPower.series.map((p: number[]) => p[1]))).toBeGreaterThan(10_000);
    const e = rep.events.find((x: { type: string }) => x.type === 'asset.status.changed');
    expect(e).toMatchObject({
      id: expect.stringMatching(/^e\d+$/),
      tS: expect.any(Number),
      source: expect.any(String),
      causes: expect.any(Array),
      data: expect.any(Object),
    });
    expect(rep.final.assets[0]).toEqual({
      id: expect.any(String),
      kind: expect.any(String),
      subsystem: expect.any(String),
      vendor: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string'),
      status: expect.stringMatching(/^(ok|degraded|down)$/),
      compromised: expect.any(Boolean),
    });
    for (const s of ['power', 'water', 'traffic', 'cctv', 'comms'])
      expect(rep.final[s]).toMatchObject({ assets: expect.any(Number), down: expect.any(Number) });
    expect(rep.perf).toMatchObject({ wallS: expect.any(Number), simS: 7200 });
  });

  it('writes Markdown with the causal chains of the largest effects', () => {
    const out = join(tmp, 'report.md');
    const r = cli(['run', DEFAULT, '--until', '2h', '--format', 'md', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# /);
    expect(md).toMatch(/### General Hospital went down at 01:15:00/);
    expect(md).toMatch(/Inject: Aurora's remote-maintenance link is hijacked/);
  });

  it('exits 1 for an invalid scenario', () => {
    const bad = write('bad2.json', JSON.stringify({ version: 1, vendors: [{ id: 'x' }] }));
    expect(cli(['run', bad]).code).toBe(1);
  });

  it('runs as a real process with a clean stdout and no stack trace on bad input', () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const ok = spawnSync(tsx, ['src/cli/main.ts', 'run', DEFAULT, '--until', '30m'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(() => JSON.parse(ok.stdout)).not.toThrow();
    const bad = spawnSync(tsx, ['src/cli/main.ts', 'validate', write('bad3.json', '[')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
