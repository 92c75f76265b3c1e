/** `twin sweep` and `twin worker` said wrong: one plain line per problem, the right exit code, nothing run. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAsync, scratch } from '../support/cli';

const FIXTURE = resolve(__dirname, '../fixtures/sweep');

describe('twin sweep, said wrong', () => {
  const tmp = scratch('sweep-err');
  const base = JSON.parse(readFileSync(join(FIXTURE, 'small.sweep.json'), 'utf8')) as Record<string, unknown>;
  const write = (edit: (s: Record<string, unknown>) => void) => {
    const s = structuredClone(base);
    edit(s);
    s.scenario = join(FIXTURE, 'small-botnet.json');
    return tmp.write('s.sweep.json', JSON.stringify(s));
  };

  it('lists every problem in the file with its path, and runs nothing', async () => {
    const file = write((s) => {
      (s.variants as Record<string, unknown>[])[1]!.patches = [{ op: 'set', path: '/injects/nope/at', value: '1h' }];
      s.baseline = 'as-iss';
    });
    const r = await cliAsync(['sweep', file, '--out', join(tmp.dir, 'out'), '--allow-outside']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${file}: baseline: there is no variant "as-iss" (did you mean "as-is"?)`);
    const second = write((s) => ((s.variants as Record<string, unknown>[])[1]!.patches = [{ op: 'set', path: '/injects/nope/at', value: '1h' }]));
    const r2 = await cliAsync(['sweep', second, '--out', join(tmp.dir, 'out'), '--allow-outside']);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('variants[1].patches[0].path: "/injects/nope/at": "injects" has no element with id "nope"');
  });

  it('keeps a sweep from reading a base scenario outside its folder unless allowed', async () => {
    const file = write(() => {});
    const r = await cliAsync(['sweep', file, '--out', join(tmp.dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^.*: scenario: cannot read ".*small-botnet\.json": .*outside/);
  });

  it('refuses options it cannot honour, with the usage', async () => {
    const file = write(() => {});
    expect((await cliAsync(['sweep', file, '--workers', '2', '--redis', 'redis://localhost:1'])).code).toBe(2);
    const bad = await cliAsync(['sweep', file, '--redis', 'http://localhost:6379']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--redis must start with redis://');
    expect((await cliAsync(['sweep', file, '--seeds', '0'])).err).toContain('--seeds must be a whole number from 1 to 10000');
    expect((await cliAsync(['sweep', file, '--until', 'soon'])).err).toContain('--until must be a duration');
    expect((await cliAsync(['worker'])).err).toContain('worker needs --redis');
  });
});
