import { describe, expect, it } from 'vitest';
import { parseUrlParams } from '../../../src/ui/app/url-params';

describe('parseUrlParams', () => {
  it('defaults to the default scenario and its own seed', () => {
    expect(parseUrlParams('')).toEqual({ scenario: 'default', seed: undefined, issues: [] });
  });

  it('reads a scenario name and a seed', () => {
    expect(parseUrlParams('?scenario=harbour&seed=7')).toEqual({ scenario: 'harbour', seed: 7, issues: [] });
    expect(parseUrlParams('?seed=4294967295').seed).toBe(4294967295);
  });

  it('reports a seed that is not a whole number in range, with a hint', () => {
    for (const bad of ['abc', '-1', '1.5', '4294967296', '1e3']) {
      const r = parseUrlParams(`?seed=${bad}`);
      expect(r.seed).toBeUndefined();
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.path).toContain('seed');
      expect(r.issues[0]!.hint).toMatch(/whole number/);
    }
  });
});
