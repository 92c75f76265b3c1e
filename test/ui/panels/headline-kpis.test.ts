/** The headline indicators each shipped scenario leads with, chosen from what its injects are about. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KPI_DEFS } from '../../../src/sim';
import { headlineFor, shownHeadline } from '../../../src/ui/panels/headline-kpis';
import { kpiHint } from '../../../src/ui/panels/kpi-hints';
import type { InjectView } from '../../../src/worker/exercise-protocol';

/** "2h30m" → ms. */
const ms = (d: string) =>
  [...d.matchAll(/(\d+)([hms])/g)].reduce((t, [, n, u]) => t + Number(n) * { h: 3_600_000, m: 60_000, s: 1000 }[u as 'h' | 'm' | 's'], 0);

function injectsOf(name: string): InjectView[] {
  const s = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as {
    injects?: { id: string; at?: string; title: string; description?: string; attack?: string }[];
  };
  return (s.injects ?? []).map((i) => ({ id: i.id, atMs: i.at ? ms(i.at) : null, title: i.title, description: i.description ?? '', attack: i.attack ?? null }));
}

const without = (...needs: string[]) => KPI_DEFS.filter((d) => !needs.includes(d.needs ?? ''));

describe('headline indicators', () => {
  it('lead the default scenario with power, what the attacker reached and the camera data taken abroad', () => {
    const h = headlineFor(injectsOf('default'), KPI_DEFS);
    expect(h).toHaveLength(6);
    expect(h[0]).toBe('peopleWithoutPower');
    expect(h).toEqual(expect.arrayContaining(['assetsDown', 'assetsCompromised', 'recordsExfiltrated', 'streetCoverage']));
  });

  it('lead a camera exfiltration with records taken and street coverage, a water attack with people without water', () => {
    expect(headlineFor(injectsOf('cctv-exfiltration'), KPI_DEFS).slice(0, 4)).toEqual(
      expect.arrayContaining(['recordsExfiltrated', 'streetCoverage', 'devicesWithoutComms']),
    );
    expect(headlineFor(injectsOf('camera-botnet'), KPI_DEFS).slice(0, 2)).toEqual(['streetCoverage', 'devicesWithoutComms']);
    expect(headlineFor(injectsOf('compelled-disclosure'), KPI_DEFS)).toEqual(expect.arrayContaining(['recordsExfiltrated', 'streetCoverage']));
    expect(headlineFor(injectsOf('net1-oldsmar'), KPI_DEFS)[0]).toBe('peopleWithoutWater');
    expect(headlineFor(injectsOf('ctown-cyberattacks'), KPI_DEFS)[0]).toBe('peopleWithoutWater');
    expect(headlineFor(injectsOf('signal-takeover'), KPI_DEFS)[0]).toBe('vehiclesStuck');
  });

  it('fall back to the general list, and never name an indicator the scenario cannot measure', () => {
    const defs = without('cyber', 'data', 'traffic');
    const h = headlineFor([], defs);
    expect(h.slice(0, 4)).toEqual(['peopleWithoutPower', 'peopleWithoutWater', 'assetsDown', 'assetsCompromised']);
    expect(h.every((id) => defs.some((d) => d.id === id))).toBe(true);
    expect(headlineFor(injectsOf('cctv-exfiltration'), defs)).not.toContain('streetCoverage');
  });

  it("show the user's pinned choice for its own scenario only", () => {
    const injects = injectsOf('default');
    const pinned = { scenarioId: 'default', ids: ['camerasWorking', 'mwShed', 'gone'] };
    expect(shownHeadline('default', pinned, injects, KPI_DEFS)).toEqual(['camerasWorking', 'mwShed']);
    expect(shownHeadline('other', pinned, injects, KPI_DEFS)).toEqual(headlineFor(injects, KPI_DEFS));
  });

  it('give every indicator a one-line hint', () => {
    for (const d of KPI_DEFS) expect(kpiHint(d), d.id).toMatch(/^[^\n.]{10,90}$/);
    expect(kpiHint(KPI_DEFS.find((d) => d.id === 'streetCoverage')!)).toBe('Share of street length a working camera sees');
    expect(kpiHint({ id: 'x', label: 'X', unit: '', description: 'First thing. Second thing.' })).toBe('First thing');
  });
});
