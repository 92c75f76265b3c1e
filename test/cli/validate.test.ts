/** `twin validate`: every problem of a file in one run, one line each, the file named once. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'twin-validate-'));
describe('twin validate', () => {
  it('reports unknown keys and reference errors in the same run', () => {
    const file = join(tmp, 'my-drill.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        meta: { id: 'my-drill', title: 'Drill', titel: 'Pump station drill' },
        vendors: [{ id: 'acme', name: 'Acme Controls', jurisdiction: 'Ruritania', supplies: ['pumping-station'], remoteMaintenance: true, cloud: null }],
        injects: [{ id: 'hack', at: '15m', title: 'Hack', commands: [{ type: 'vendor.compromise', vendor: 'acne' }] }],
      }),
    );
    const r = cli(['validate', file]);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${file}: meta.titel: unknown key "titel" (remove it or fix its spelling; did you mean "title"?)`);
    expect(lines[1]).toBe(`${file}: injects[0].commands[0].vendor: unknown vendor "acne" (did you mean "acme"?)`);
  });

  it('names the file once on a JSON syntax error', () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, '{"version": 1,,}');
    const r = cli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err.startsWith(`${file}: not valid JSON at line 1, column 15:`)).toBe(true);
    expect(r.err.split(file)).toHaveLength(2);
  });

  it('names the file once when it cannot be read', () => {
    const file = join(tmp, 'nope.json');
    const r = cli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no such file/);
    expect(r.err.split(file)).toHaveLength(2);
  });
});
