/**
 * What the twin says back about a user's text: bounded (a "did you mean" never compares or echoes
 * megabytes), grammatical ("an object", not "a object").
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, loadScenarioData, loadScenarioText, parseSession } from '../../src/scenario';
import { clip, editDistance, suggest } from '../../src/scenario/issues';

const HUGE = 'x'.repeat(3_000_000);

describe('"did you mean" on huge values', () => {
  it('a 3 MB unknown command type in a scenario gives a short message and still lists the known types', () => {
    const t0 = performance.now();
    const r = loadScenarioData({ version: 1, injects: [{ id: 'a', title: 't', commands: [{ type: HUGE }] }] });
    const ms = performance.now() - t0;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const i = r.issues.find((x) => x.path === 'injects[0].commands[0].type')!;
    expect(i.message.length).toBeLessThan(200);
    expect(i.message).toBe(`unknown type "${'x'.repeat(60)}…"`);
    expect(i.hint).toMatch(/known types: "inject\.fire"/);
    expect(formatIssue(i).length).toBeLessThan(1000);
    console.log(`3 MB command type in a scenario: ${ms.toFixed(0)} ms`);
  });

  it('a 3 MB unknown command type in a saved session, and a 3 MB unknown key, are echoed cut short', () => {
    const s = parseSession(
      JSON.stringify({
        version: 1,
        kind: 'citytwin-session',
        scenario: { name: 'default' },
        seed: 1,
        untilMs: 0,
        commands: [{ tMs: 0, command: { type: HUGE } }],
      }),
    );
    expect(s.ok).toBe(false);
    if (s.ok) return;
    for (const i of s.issues) expect(formatIssue(i).length).toBeLessThan(1000);
    const k = loadScenarioData({ version: 1, meta: { id: 'x', title: 'y', [HUGE]: 1 } });
    expect(k.ok).toBe(false);
    if (k.ok) return;
    expect(k.issues).toHaveLength(1);
    expect(k.issues[0]!.path.length).toBeLessThan(100);
    expect(k.issues[0]!.message.length).toBeLessThan(200);
  });

  it('still finds near misses, compares only a prefix, and stops early past the limit', () => {
    expect(suggest('vendor.compromize', ['inject.fire', 'vendor.compromise'])).toBe('did you mean "vendor.compromise"?');
    expect(suggest('acne', ['acme', 'acne-industries'])).toBe('did you mean "acme"?');
    // Two values alike in their first 64 characters are alike to the hint.
    expect(editDistance(`${'a'.repeat(64)}${HUGE}`, 'a'.repeat(64))).toBe(0);
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(clip('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
    expect(clip('short')).toBe('short');
  });
});

describe('grammar of messages', () => {
  it('says "an object" and "a list", and names an empty choice plainly', () => {
    const r = loadScenarioData({ version: 1, meta: { id: 'x', title: 'y' }, city: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const city = r.issues.find((i) => i.path === 'city')!;
    expect(city.message).toBe('expected an object, got a list');
    expect(city.hint).toBe('change it to an object');
    expect(suggest('acme', [], 'asset ids')).toBe('there are no asset ids to choose from');
    // "unknown type the text …" read as one phrase; a name is quoted, anything else described.
    const t = loadScenarioData({ version: 1, injects: [{ id: 'a', title: 't', commands: [{ type: 'nope' }, { type: 5 }] }] });
    expect(t.ok ? [] : t.issues.map((x) => x.message)).toEqual(['unknown type "nope"', 'unknown type: number 5']);
  });

  it('spells plurals out in grid references ("buses", not "buss")', () => {
    const r = loadScenarioText(
      JSON.stringify({
        version: 1,
        city: { generator: { buildings: 200 } },
        injects: [{ id: 'a', title: 't', commands: [{ type: 'power.load.disconnect', share: 0.5, buses: ['no-such-bus-anywhere'] }] }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const i = r.issues.find((x) => x.path === 'injects[0].commands[0].buses[0]')!;
    expect(i.message).toMatch(/^no bus "no-such-bus-anywhere" in the grid$/);
    expect(i.hint).toMatch(/^buses: /);
  });

  it('says "is an access-switch" for an asset of a kind starting with a vowel', () => {
    const r = loadScenarioText(
      JSON.stringify({
        version: 1,
        city: { generator: { buildings: 200 } },
        injects: [{ id: 'a', title: 't', commands: [{ type: 'traffic.signal.plan', signals: ['switch-1-1'], plan: 'all-red' }] }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.find((x) => x.path === 'injects[0].commands[0].signals[0]')!.message).toBe('"switch-1-1" is an access-switch, not a traffic signal');
  });
});
