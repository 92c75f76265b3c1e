/**
 * "All problems at once", as the README promises: an unknown key no longer hides the reference
 * errors (an unknown vendor, asset or inject) until the key is fixed.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioData, type ScenarioIssue } from '../../src/scenario';

const scenario = () => ({
  version: 1,
  meta: { id: 'drill', titel: 'Pump station drill' } as Record<string, unknown>,
  vendors: [{ id: 'acme', name: 'Acme Controls', jurisdiction: 'Ruritania', supplies: ['pump'], remoteMaintenance: true, cloud: null }],
  assets: [{ id: 'pump', kind: 'pump', subsystem: 'water', position: [0, 0], vendor: 'acme' }] as Record<string, unknown>[],
  injects: [{ id: 'hack', at: '15m', title: 'Hack', commands: [{ type: 'vendor.compromise', vendor: 'acne' }] }] as Record<string, unknown>[],
});

function issuesOf(data: unknown): ScenarioIssue[] {
  const r = loadScenarioData(data);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.issues;
}

const paths = (issues: readonly ScenarioIssue[]) => issues.map((i) => i.path);

describe('validation reports every problem in one pass', () => {
  it('a misspelt key and an unknown vendor, each once (the README example)', () => {
    const issues = issuesOf(scenario());
    expect(paths(issues)).toEqual(['meta.titel', 'injects[0].commands[0].vendor']);
    expect(issues[0]!.hint).toMatch(/did you mean "title"/);
    expect(issues[1]).toMatchObject({ message: 'unknown vendor "acne"', hint: 'did you mean "acme"?' });
  });

  it('an unknown key that is no misspelling, a wrong optional value, and unknown references', () => {
    const d = scenario();
    d.meta = { id: 'drill', title: 'Drill', colour: 'blue' };
    d.assets[0]!.vendor = 'akme';
    d.injects[0]!.at = '02:00';
    d.injects.push({ id: 'later', title: 'Later', commands: [{ type: 'inject.fire', inject: 'hak' }] });
    const issues = issuesOf(d);
    expect(paths(issues).sort()).toEqual(
      ['assets[0].vendor', 'injects[0].at', 'injects[0].commands[0].vendor', 'injects[1].commands[0].inject', 'meta.colour'].sort(),
    );
    // The clock-like time gets the duration it means.
    expect(issues.find((i) => i.path === 'injects[0].at')!.hint).toMatch(/did you mean "2h"\?/);
  });

  it('says nothing the author did not write: checks under a dropped key are not reported', () => {
    const d = scenario();
    d.injects[0]!.commands = [{ type: 'vendor.compromise', vendor: 'acme', vendorr: 'x', zzz: 1 }];
    const issues = issuesOf(d);
    expect(paths(issues)).toEqual(['meta.titel', 'injects[0].commands[0].vendorr', 'injects[0].commands[0].zzz']);
  });

  it('gives up the second look where mending would change the file (a required field, a list item)', () => {
    const d = scenario();
    delete (d.vendors[0] as Record<string, unknown>).jurisdiction;
    const issues = issuesOf(d);
    expect(paths(issues)).toContain('vendors[0].jurisdiction');
    expect(paths(issues)).not.toContain('injects[0].commands[0].vendor');
    const e = scenario();
    e.injects[0]!.commands = [{ type: 'nope' }];
    e.assets[0]!.vendor = 'acne';
    expect(paths(issuesOf(e))).toEqual(['meta.titel', 'injects[0].commands[0].type']);
  });
});
