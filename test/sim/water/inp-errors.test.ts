/** A malformed .inp is reported with its line, its section and a hint — by our reader or by EPANET itself. */
import { describe, expect, it } from 'vitest';
import { water } from '../../../src/sim';
import { issuesOf } from '../../support/scenarios';
import { TINY_INP } from '../../support/water';

const issuesFor = (text: string) => issuesOf({ water: { inp: 'net.inp' } }, { 'net.inp': text });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('.inp errors', () => {
  it('names the line and section of a link to an undefined node', () => {
    const bad = TINY_INP.replace('P2\tA\tC', 'P2\tA\tNOWHERE');
    const issues = issuesFor(bad);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(`water.inp (net.inp line ${lineOf(bad, 'NOWHERE')})`);
    expect(issues[0]!.message).toMatch(/\[PIPES\].*undefined node "NOWHERE"/);
    expect(issues[0]!.hint).toMatch(/define the node/);
  });

  it('names a word where a number belongs, and an unknown section', () => {
    const bad = TINY_INP.replace('C\t0\t10', 'C\tzero\t10').replace('[PATTERNS]', '[PATTERNZ]');
    const issues = issuesFor(bad);
    expect(issues.map((i) => i.path)).toEqual([`water.inp (net.inp line ${lineOf(bad, 'zero')})`, `water.inp (net.inp line ${lineOf(bad, 'PATTERNZ')})`]);
    expect(issues[0]!.message).toMatch(/\[JUNCTIONS\] field 2 is "zero", not a number/);
    expect(issues[1]!.message).toMatch(/unknown section \[PATTERNZ\]/);
  });

  it("passes EPANET's own errors on as readable messages with the line, section and a hint", () => {
    const bad = TINY_INP.replace('Units\tLPS', 'Units\tFURLONGS');
    const issues = issuesFor(bad);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(`water.inp (net.inp line ${lineOf(bad, 'FURLONGS')})`);
    expect(issues[0]!.message).toMatch(/^\[OPTIONS\]: invalid option value FURLONGS .*\(EPANET error 213\)$/);
    expect(issues[0]!.hint).toMatch(/option/);
  });

  it('explains run-time EPANET codes in words', () => {
    expect(water.epanetCodeText(110)).toMatch(/cannot be solved/);
    expect(water.epanetCodeText(302)).toMatch(/cannot be opened/);
  });

  it('says when the file is missing, and where paths are resolved from', () => {
    const issues = issuesOf({ water: { inp: 'missing.inp' } });
    expect(issues[0]).toMatchObject({ path: 'water.inp', message: 'cannot read "missing.inp"' });
    expect(issues[0]!.hint).toMatch(/scenario file's own folder/);
  });
});
