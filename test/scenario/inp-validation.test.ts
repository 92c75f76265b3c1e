/**
 * A file that is not an EPANET network, or one EPANET opens but cannot run, is refused when the
 * scenario is validated, naming the file — it used to pass validate and end `twin run` with
 * "internal error: EPANET Error 223".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { loadScenarioText, type ScenarioIssue } from '../../src/scenario';

function issuesFor(inp: string): ScenarioIssue[] {
  const r = loadScenarioText(JSON.stringify({ version: 1, water: { inp: 'net.inp' } }), { readFile: (rel) => (rel === 'net.inp' ? inp : null) });
  return r.ok ? [] : r.issues;
}

describe('an .inp file that EPANET cannot run', () => {
  it('"hello world" is not an EPANET network', () => {
    expect(issuesFor('hello world\n')).toEqual([
      {
        path: 'water.inp (net.inp)',
        message: 'holds no junctions, reservoirs or tanks: it is not an EPANET network',
        hint: expect.stringMatching(/\[JUNCTIONS\]/),
      },
    ]);
  });

  it("what EPANET opens but refuses to run is refused at validation, with EPANET's error code", () => {
    // A junction and a reservoir joined by nothing: EPANET opens it; EN_openH would say 233.
    const unconnected = issuesFor('[JUNCTIONS]\n 10 710 0\n 11 710 0\n[RESERVOIRS]\n 9 800\n[PIPES]\n 1 9 10 1000 12 100\n[END]\n');
    expect(unconnected).toEqual([
      {
        path: 'water.inp (net.inp)',
        message: 'EPANET cannot run it: junction "11" is joined to no pipe, pump or valve (EPANET error 233)',
        hint: expect.stringMatching(/connect it or remove it/),
      },
    ]);
    // A lone reservoir: too few nodes (223).
    expect(issuesFor('[RESERVOIRS]\n 9 800\n[END]\n')[0]!.message).toBe('EPANET cannot run it: the network has only one node (EPANET error 223)');
    // A network that runs is still accepted.
    expect(issuesFor('[JUNCTIONS]\n 10 710 0\n[RESERVOIRS]\n 9 800\n[PIPES]\n 1 9 10 1000 12 100\n[END]\n')).toEqual([]);
  });

  it('twin validate and twin run both say so as a problem with the file, never an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twin-inp-'));
    writeFileSync(join(dir, 'net.inp'), 'hello world\n');
    const file = join(dir, 'water.json');
    writeFileSync(file, JSON.stringify({ version: 1, water: { inp: 'net.inp' } }));
    for (const cmd of ['validate', 'run']) {
      const err: string[] = [];
      const code = main(
        [cmd, file],
        () => {},
        (s) => void err.push(s),
      );
      expect(code, cmd).toBe(1);
      expect(err.join('\n')).toBe(
        `${file}: water.inp (net.inp): holds no junctions, reservoirs or tanks: it is not an EPANET network (an EPANET .inp file lists its nodes under [JUNCTIONS], [RESERVOIRS] and [TANKS]; save or export the network from EPANET as .inp)`,
      );
    }
  });
});
