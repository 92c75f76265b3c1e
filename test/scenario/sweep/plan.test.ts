import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatches } from '../../../src/scenario/sweep/patch';
import { jobsOf, planSweep, type PlanOptions } from '../../../src/scenario/sweep/plan';
import { formatIssue } from '../../../src/scenario';

const FIXTURE = resolve(__dirname, '../../fixtures/sweep');
const sweepText = readFileSync(join(FIXTURE, 'small.sweep.json'), 'utf8');
const loadBase: PlanOptions['loadBase'] = (rel) => ({ text: readFileSync(join(FIXTURE, rel), 'utf8'), readFile: () => null });
const plan = (edit: (s: Record<string, unknown>) => void = () => {}, o: Partial<PlanOptions> = {}) => {
  const s = JSON.parse(sweepText) as Record<string, unknown>;
  edit(s);
  return planSweep(JSON.stringify(s), { loadBase, ...o });
};
const problems = (r: ReturnType<typeof plan>) => (r.ok ? [] : r.issues.map(formatIssue));

describe('patches', () => {
  const base = {
    injects: [
      { id: 'a', at: '5m' },
      { id: 'b', at: '9m' },
    ],
    policies: { segmentation: false },
    list: [1],
  };
  it('set, append, merge and remove, naming list elements by id or index, without touching the base', () => {
    const r = applyPatches(
      base,
      [
        { op: 'set', path: '/injects/b/at', value: '1h' },
        { op: 'set', path: '/comms/capacityMbps/backhaul', value: 10 },
        { op: 'merge', path: '/policies', value: { dataLocalisation: true } },
        { op: 'append', path: '/list', value: [2, 3] },
        { op: 'remove', path: '/injects/0' },
      ],
      'p',
    );
    expect(r).toEqual({
      data: {
        injects: [{ id: 'b', at: '1h' }],
        policies: { segmentation: false, dataLocalisation: true },
        list: [1, 2, 3],
        comms: { capacityMbps: { backhaul: 10 } },
      },
    });
    expect(base.injects).toHaveLength(2);
  });

  it('says where a path leads nowhere, with the ids that are there', () => {
    const r = applyPatches(
      base,
      [
        { op: 'set', path: '/injects/kestrel/at', value: '1h' },
        { op: 'remove', path: '/injects/7' },
        { op: 'set', path: '/policies/segmentation' },
        { op: 'append', path: '/policies', value: 1 },
      ],
      'variants[2].patches',
    );
    expect('issues' in r && r.issues.map(formatIssue)).toEqual([
      'variants[2].patches[0].path: "/injects/kestrel/at": "injects" has no element with id "kestrel" (ids: "a", "b") (fix the path or value; list steps may be an index or an element\'s "id")',
      'variants[2].patches[1].path: "/injects/7": the list has 2 elements, so there is no [7] (fix the path or value; list steps may be an index or an element\'s "id")',
      'variants[2].patches[2].path: "/policies/segmentation": "set" needs a "value" (fix the path or value; list steps may be an index or an element\'s "id")',
      'variants[2].patches[3].path: "/policies": "append" needs a list there (fix the path or value; list steps may be an index or an element\'s "id")',
    ]);
  });
});

describe('planning a sweep', () => {
  it('validates every variant as a scenario and lays out variant × seed jobs', () => {
    const r = plan();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.baseline).toBe('as-is');
    expect(r.plan.seeds).toEqual([1, 2, 3]);
    expect(r.plan.untilMs).toBe(40 * 60_000);
    expect(r.plan.variants.find((v) => v.id === 'isolate-fast')!.decide).toEqual([{ decision: 'stop-the-flood', option: 'isolate', afterMs: 120_000 }]);
    const jobs = jobsOf(r.plan);
    expect(jobs.map((j) => `${j.variant}/${j.seed}`)).toEqual([
      'as-is/1',
      'as-is/2',
      'as-is/3',
      'segmented/1',
      'segmented/2',
      'segmented/3',
      'isolate-fast/1',
      'isolate-fast/2',
      'isolate-fast/3',
    ]);
    expect((jobs[3]!.scenario as { policies: { segmentation: boolean } }).policies.segmentation).toBe(true);
  });

  it('lets --seeds and --until override the file', () => {
    const r = plan(undefined, { seeds: 5, untilMs: 60_000 });
    expect(r.ok && [r.plan.seeds, r.plan.untilMs]).toEqual([[1, 2, 3, 4, 5], 60_000]);
    const listed = plan((s) => (s.seeds = [42, 7]), { seeds: 1 });
    expect(listed.ok && listed.plan.seeds).toEqual([42]);
  });

  it('names each problem with its variant, figure or field', () => {
    const r = plan((s) => {
      const v = s.variants as Record<string, unknown>[];
      v[1]!.patches = [{ op: 'set', path: '/policies/segmentation', value: 'yes' }];
      v[2]!.decide = [{ decision: 'stop-the-flood', option: 'isolat' }];
      v.push({ id: 'as-is', label: 'Again' });
      (s.collect as Record<string, unknown>[])[0]!.final = 'cctv.down';
    });
    expect(problems(r)).toEqual([
      'variants[3].id: variant id "as-is" is used twice (give each variant its own id)',
      'collect[0]: give exactly one of "kpi" and "final" (a figure comes from a KPI series or from the final report)',
      'collect[0].stat: "stat" applies to a "kpi" figure only (remove "stat")',
    ]);
    const second = plan((s) => {
      const v = s.variants as Record<string, unknown>[];
      v[1]!.patches = [{ op: 'set', path: '/policies/segmentation', value: 'yes' }];
      v[2]!.decide = [{ decision: 'stop-the-flood', option: 'isolat' }];
    });
    expect(problems(second)).toEqual([
      expect.stringMatching(/^variants\[1\] \(scenario policies\.segmentation\): /),
      'variants[2].decide[0].option: decision "stop-the-flood" has no option "isolat" (did you mean "isolate"?)',
    ]);
  });

  it('rejects unknown keys at every level of the sweep file', () => {
    const r = plan((s) => {
      s.seed = 3;
      (s.variants as Record<string, unknown>[])[1]!.patch = [];
      (s.collect as Record<string, unknown>[])[0]!.kip = 'x';
      (((s.variants as Record<string, unknown>[])[1]!.patches as Record<string, unknown>[])[0] as Record<string, unknown>).vlaue = 1;
    });
    const text = problems(r).join('\n');
    for (const key of ['seed', 'patch', 'kip', 'vlaue']) expect(text).toContain(`"${key}"`);
  });

  it('explains a base scenario that cannot be read or is not JSON', () => {
    expect(problems(planSweep(sweepText, { loadBase: () => ({ issue: { path: 'scenario', message: 'cannot read "x"', hint: 'h' } }) }))).toEqual([
      'scenario: cannot read "x" (h)',
    ]);
    expect(problems(planSweep(sweepText, { loadBase: () => ({ text: '{', readFile: () => null }) }))[0]).toMatch(/^scenario: /);
    expect(dirname(FIXTURE)).toBeTruthy();
  });
});
