/** The MATPOWER importer: what it reads, and the issues (with line numbers) for what it cannot. */
import { describe, expect, it } from 'vitest';
import { parseMatpower } from '../../../src/scenario/import/matpower';

const BUS = (id: number, type = 1, pd = 0) => `${id}\t${type}\t${pd}\t0\t0\t0\t1\t1\t0\t135\t1\t1.05\t0.95;`;

function caseText(o: { bus?: string; gen?: string; branch?: string; extra?: string } = {}): string {
  return [
    'function mpc = tiny', // line 1
    "mpc.version = '2';", // 2
    'mpc.baseMVA = 100;', // 3
    'mpc.bus = [', // 4
    o.bus ?? [BUS(1, 3), BUS(2, 1, 50), BUS(3, 1, 20)].join('\n'), // 5, 6, 7
    '];', // 8
    'mpc.gen = [', // 9
    o.gen ?? '1 70 0 100 -100 1 100 1 200 0;', // 10
    '];', // 11
    'mpc.branch = [', // 12
    o.branch ?? ['1 2 0 0.1 0 100 100 100 0 0 1 -360 360;', '2 3 0 0.1 0 0 0 0 0 0 1 -360 360;'].join('\n'), // 13, 14
    '];', // 15
    o.extra ?? '',
  ].join('\n');
}

const issuesOf = (text: string) => {
  const r = parseMatpower(text, { fileName: 'tiny.m' });
  if (r.ok) throw new Error('expected issues');
  return r.issues;
};

describe('MATPOWER import', () => {
  it('reads a small case, ids and ratings', () => {
    const r = parseMatpower(caseText());
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.caseName).toBe('tiny');
    expect(r.busIds).toEqual([1, 2, 3]);
    expect(r.branchIds).toEqual([1, 2]);
    expect(r.genIds).toEqual([1]);
    expect(Array.from(r.network.branches.rateMW)).toEqual([100, 0]);
    expect(Array.from(r.network.buses.type)).toEqual([3, 1, 1]);
    expect(r.network.gens.pmaxMW[0]).toBe(200);
  });

  it('copes with comments, continuations, commas, tabs, scientific notation, Inf and skipped sections', () => {
    const text = [
      '%{',
      'a block comment with mpc.bus = [ 1 2 3 ] inside',
      '%}',
      'function [baseMVA, bus, gen, branch] = old_style',
      'baseMVA = 1e2; % system base',
      'bus = [ 1, 3, 0, 0, 0, 0, 1, 1, 0, 135, 1, 1.05, 0.95 % the reference',
      '\t2\t1\t5.0E+1\t0\t1.5\t0\t1\t1\t0\t135\t1\t1.05\t0.95; 3 1 20 0 0 0 1 ...',
      '   1 0 135 1 1.05 0.95',
      '];',
      "bus_name = { 'North; bus' ; 'South % bus' ; 'West' };",
      'gen = [ 1 70 0 Inf -Inf 1 100 1 200 0 0 0 0 0 0 0 0 0 0 0 0 ];',
      'branch = [',
      '  1 2 0 0.1 0 Inf 0 0 0 0 1;',
      '  2 3 0 .1 0 -0 0 0 1.0 -2.5 1;',
      '];',
      'gencost = [ 2 0 0 3 0.02 2 0 ];',
    ].join('\n');
    const r = parseMatpower(text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.caseName).toBe('old_style');
    expect(r.network.baseMVA).toBe(100);
    expect(Array.from(r.network.buses.pdMW)).toEqual([0, 50, 20]);
    expect(r.network.buses.gsMW[1]).toBe(1.5);
    expect(Array.from(r.network.branches.rateMW)).toEqual([0, 0]);
    expect(r.network.branches.shiftDeg[1]).toBe(-2.5);
    expect(r.network.branches.x[1]).toBe(0.1);
    expect(r.ignored).toEqual(['bus_name', 'gencost']);
  });

  it('names a missing matrix', () => {
    const issues = issuesOf('function mpc = x\nmpc.baseMVA = 100;\nmpc.gen = [1 0 0 0 0 1 100 1 10 0];\nmpc.branch = [];');
    expect(issues.map((i) => i.message)).toContain('missing mpc.bus');
    expect(issues.find((i) => i.message === 'missing mpc.bus')!.path).toBe('power.matpower (tiny.m)');
    expect(issues.every((i) => i.hint.length > 0)).toBe(true);
  });

  it('reports a short row with its line and the columns it needs', () => {
    const issues = issuesOf(caseText({ bus: [BUS(1, 3), '2 1 50 0 0 0 1 1 0;', BUS(3)].join('\n') }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('power.matpower (tiny.m line 6)');
    expect(issues[0]!.message).toBe('mpc.bus row with 9 columns where 13 are needed');
    expect(issues[0]!.hint).toContain('bus_i type Pd');
  });

  it('reports a row whose width differs from the first', () => {
    const issues = issuesOf(caseText({ branch: '1 2 0 0.1 0 100 100 100 0 0 1 -360 360;\n2 3 0 0.1 0 0 0 0 0 0 1;' }));
    expect(issues[0]!.path).toBe('power.matpower (tiny.m line 14)');
    expect(issues[0]!.message).toContain('11 columns, but the first row has 13');
  });

  it("reports 'abc' is not a number, with its line", () => {
    const issues = issuesOf(caseText({ bus: [BUS(1, 3), '2 1 abc 0 0 0 1 1 0 135 1 1.05 0.95;', BUS(3)].join('\n') }));
    expect(issues).toEqual([expect.objectContaining({ path: 'power.matpower (tiny.m line 6)', message: "'abc' is not a number (in mpc.bus)" })]);
  });

  it('reports unknown bus numbers in gen and branch rows', () => {
    const issues = issuesOf(caseText({ gen: '9 70 0 100 -100 1 100 1 200 0;', branch: '1 2 0 0.1 0 0 0 0 0 0 1;\n2 7 0 0.1 0 0 0 0 0 0 1;' }));
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['power.matpower (tiny.m line 10)', 'generator 1 refers to bus 9, which is not in mpc.bus'],
      ['power.matpower (tiny.m line 14)', 'branch 2 refers to bus 7, which is not in mpc.bus'],
    ]);
  });

  it('reports duplicate buses, bad types, NaN, zero reactance and a missing baseMVA', () => {
    const text = caseText({ bus: [BUS(1, 3), BUS(1), BUS(3, 7, NaN)].join('\n'), branch: '1 3 0 0 0 0 0 0 0 0 1;' }).replace('mpc.baseMVA = 100;', '');
    const messages = issuesOf(text).map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'missing mpc.baseMVA',
        'bus 1 is listed twice',
        'bus 3 has type 7',
        'bus 3 Pd is NaN',
        'branch 1 is in service with reactance x = 0',
      ]),
    );
  });

  it('refuses code it would have to run', () => {
    const issues = issuesOf(caseText({ extra: 'mpc.gen(:, 9) = 2 * mpc.gen(:, 9);' }));
    expect(issues[0]!.path).toBe('power.matpower (tiny.m line 16)');
    expect(issues[0]!.message).toContain('changes a matrix after it is written');
  });

  it('reports an unclosed matrix', () => {
    const issues = issuesOf('mpc.baseMVA = 100;\nmpc.bus = [\n1 3 0 0 0 0 1 1 0 135 1 1.05 0.95;\n');
    expect(issues[0]).toEqual(expect.objectContaining({ path: 'power.matpower (tiny.m line 2)', message: "mpc.bus has no closing ']'" }));
  });
});
