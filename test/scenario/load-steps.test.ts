/**
 * The steps of loading one at a time, with the exact words a user sees: text that is not JSON or
 * not an object, the version check and migration, files a scenario references (no reader, no file,
 * a refusal), the meta block, and the schema's small building blocks.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioData, loadScenarioText, SCENARIO_VERSION, type ScenarioIssue } from '../../src/scenario';
import { attackId, clockAsDuration, duration, finite, point, slug } from '../../src/scenario/schema-primitives';

function issues(r: ReturnType<typeof loadScenarioData>): ScenarioIssue[] {
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
}

describe('loading: the file as a whole', () => {
  it('names the file, or "(file)", when the text is not JSON, and hints at the usual slips', () => {
    const [named] = issues(loadScenarioText('{ "version": 1,, }', { fileName: 'city.json' }));
    expect(named).toMatchObject({ path: 'city.json', hint: 'check for a missing comma, quote or bracket just before that point' });
    const [unnamed] = issues(loadScenarioText('nope'));
    expect(unnamed?.path).toBe('(file)');
  });

  it('refuses anything but a JSON object at the top level, saying how a scenario starts', () => {
    const expected = [{ path: '(top level)', message: 'a scenario must be a JSON object', hint: 'start the file with { "version": 1, … }' }];
    for (const data of [null, 'text', 3, [], [{ version: 1 }]]) expect(issues(loadScenarioData(data))).toEqual(expected);
    expect(issues(loadScenarioText('[]'))).toEqual(expected);
  });
});

describe('loading: versions', () => {
  it('asks for a version when there is none', () => {
    expect(issues(loadScenarioData({}))).toEqual([
      { path: 'version', message: 'missing required field', hint: `add "version": ${SCENARIO_VERSION} at the top of the file` },
    ]);
  });

  it('wants a whole number of at least 1, echoing what it got', () => {
    const got = (v: unknown) => issues(loadScenarioData({ version: v }));
    expect(got('1')).toEqual([{ path: 'version', message: 'expected a whole number, got "1"', hint: `use "version": ${SCENARIO_VERSION}` }]);
    expect(got(1.5)[0]?.message).toBe('expected a whole number, got 1.5');
    expect(got(0)[0]?.message).toBe('expected a whole number, got 0');
    expect(got(-2)[0]?.message).toBe('expected a whole number, got -2');
    expect(got(null)[0]?.message).toBe('expected a whole number, got null');
  });

  it('refuses a file from a newer twin, saying which version it reads', () => {
    expect(issues(loadScenarioData({ version: SCENARIO_VERSION + 1 }))).toEqual([
      {
        path: 'version',
        message: `this file is version ${SCENARIO_VERSION + 1}, newer than this twin reads (${SCENARIO_VERSION})`,
        hint: 'update citytwin, or save the scenario from a matching version',
      },
    ]);
  });

  it('loads the current version as it is', () => {
    const r = loadScenarioData({ version: SCENARIO_VERSION });
    expect(r.ok).toBe(true);
  });
});

describe('loading: the result', () => {
  it('gives meta with defaults, and summary, audience and objectives when the file has them', () => {
    const bare = loadScenarioData({ version: 1, meta: { id: 'tiny', title: 'Tiny' } });
    if (!bare.ok) throw new Error(JSON.stringify(bare.issues));
    expect(bare.meta).toEqual({ id: 'tiny', title: 'Tiny', summary: '', audience: [], objectives: [] });
    expect(bare.scenario.meta?.id).toBe('tiny');
    const full = loadScenarioData({
      version: 1,
      meta: { id: 'full', title: 'Full', summary: 'What it shows', audience: ['briefer', 'student'], objectives: ['find the single points of failure'] },
    });
    if (!full.ok) throw new Error(JSON.stringify(full.issues));
    expect(full.meta).toEqual({
      id: 'full',
      title: 'Full',
      summary: 'What it shows',
      audience: ['briefer', 'student'],
      objectives: ['find the single points of failure'],
    });
  });

  it('stops at schema problems before compiling, and reports compile problems when the schema passes', () => {
    const schemaBad = issues(loadScenarioData({ version: 1, seed: 'seven' }));
    expect(schemaBad.map((i) => i.path)).toContain('seed');
    const compileBad = issues(loadScenarioData({ version: 1, dependencies: [{ from: 'ghost', to: 'nobody', kind: 'physical', resource: 'power' }] }));
    expect(compileBad.length).toBeGreaterThan(0);
    expect(compileBad.every((i) => i.path.startsWith('dependencies'))).toBe(true);
  });
});

describe('loading: files the scenario references', () => {
  const withOsm = { version: 1, city: { osm: 'town.osm' } };

  it('says a file cannot be opened when the loader was given no way to read files', () => {
    expect(issues(loadScenarioData(withOsm))).toContainEqual({
      path: 'city.osm',
      message: 'cannot open "town.osm" here',
      hint: 'files a scenario references can be read when it is loaded from a file (the twin command, or a bundled scenario)',
    });
  });

  it('says a file cannot be read when the reader has no such file, with the hint about where paths start', () => {
    const asked: string[] = [];
    const r = loadScenarioData(withOsm, {
      readFile: (p) => {
        asked.push(p);
        return null;
      },
    });
    expect(asked).toEqual(['town.osm']);
    expect(issues(r)).toContainEqual({
      path: 'city.osm',
      message: 'cannot read "town.osm"',
      hint: "check the path; it is resolved from the scenario file's own folder",
    });
  });

  it("passes on a reader's refusal in its own words", () => {
    const r = loadScenarioData(withOsm, { readFile: () => ({ refused: 'it is larger than 64 MB', hint: 'cut the extract to the town' }) });
    expect(issues(r)).toContainEqual({ path: 'city.osm', message: 'cannot read "town.osm": it is larger than 64 MB', hint: 'cut the extract to the town' });
  });

  it('hands the text a reader returns to the section that asked for it', () => {
    const r = loadScenarioData(withOsm, { readFile: () => '<osm version="0.6"></osm>' });
    // An empty extract: the OSM section read the text and judged what it holds.
    expect(issues(r)).toEqual([
      { path: 'city.osm', message: 'holds no nodes with coordinates', hint: 'the export may be empty or cut short; export the area again' },
    ]);
  });
});

describe('schema building blocks', () => {
  it('reads clock-like times as the duration they mean', () => {
    expect(clockAsDuration('02:00')).toBe('2h');
    expect(clockAsDuration('1:30')).toBe('1h30m');
    expect(clockAsDuration('0:00:45')).toBe('45s');
    expect(clockAsDuration('100:05:09')).toBe('100h5m9s');
    expect(clockAsDuration('0:00')).toBe('0s');
    for (const bad of ['2h', '1:60', '1:5', '1000:00', '1:00:60', ' 1:00', '1:00 ', 'a:00']) expect(clockAsDuration(bad), bad).toBeNull();
  });

  it('takes ids that start with a letter or digit and hold lower-case letters, digits, dots, dashes and underscores, up to 80', () => {
    for (const ok of ['a', '7', 'sub-1', 'kestrel.cloud_2', 'a'.repeat(80)]) expect(slug.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', '-a', '.a', 'A', 'sub 1', 'sub/1', 'a'.repeat(81), 'ok\n']) expect(slug.safeParse(bad).success, bad).toBe(false);
    expect(slug.safeParse('Bad').error?.issues[0]?.message).toBe(
      'must be lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit',
    );
  });

  it('takes durations as the simulation parses them, and ATT&CK ids with an optional sub-technique', () => {
    for (const ok of ['90s', '1h30m', '1.5h', '250ms']) expect(duration.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['90', '1h 30m', 'h', 'x90s', '90sx']) expect(duration.safeParse(bad).success, bad).toBe(false);
    expect(duration.safeParse('soon').error?.issues[0]?.message).toBe('must be a duration such as "90s", "30m", "6h", "2d" or "1h30m"');
    for (const ok of ['T0822', 'T1537.001']) expect(attackId.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['t0822', 'T082', 'T08222', 'T0822.1', 'xT0822', 'T0822.0011']) expect(attackId.safeParse(bad).success, bad).toBe(false);
    expect(attackId.safeParse('T1').error?.issues[0]?.message).toBe('must be a MITRE ATT&CK technique id such as "T0822" or "T1537"');
  });

  it('takes finite numbers only, and points as two of them', () => {
    expect(finite.safeParse(1.5).success).toBe(true);
    expect(finite.safeParse(Infinity).success).toBe(false);
    expect(finite.safeParse(-Infinity).success).toBe(false);
    expect(point.safeParse([1, -2]).success).toBe(true);
    expect(point.safeParse([1]).success).toBe(false);
    expect(point.safeParse([1, Number.NaN]).success).toBe(false);
  });
});
